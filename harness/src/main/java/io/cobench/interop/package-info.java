/**
 * PyTorch interop: a run's encoder as a torchvision ResNet state_dict in {@code .npz}, the mapping
 * back, and batched eval-mode embedding of {@code .npy} arrays or image folders.
 */
package io.cobench.interop;
