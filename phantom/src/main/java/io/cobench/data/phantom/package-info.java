/**
 * The built-in phantom datasets: synthetic chest radiographs and fundus photographs written in
 * the real on-disk layouts of NIH ChestX-ray14, SIIM-ACR, EyePACS, MuReD and ODIR-5K, so that one
 * loader code path serves both real and phantom data. Labels are drawn as visible, localised
 * changes, and every file is a pure function of (seed, size, count).
 */
package io.cobench.data.phantom;
