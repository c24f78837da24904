package io.cobench.engine;

import io.cobench.cli.UserError;
import io.cobench.io.AtomicFiles;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Named arrays in NumPy's {@code .npz} format: a zip holding one {@code NAME.npy} per array, so
 * that {@code numpy.load} opens checkpoints and exports without cobench. Each entry is written
 * and read by ND4J's own {@code .npy} codec; ND4J's {@code createFromNpzFile} is not used because
 * in M2.1 it rejects every entry ("Unsupported data type"). Names may contain '/', which
 * {@code numpy.load} keeps as part of the key.
 */
public final class Npz {
    private static final String SUFFIX = ".npy";

    private Npz() {
    }

    /** Writes {@code arrays} atomically, in their iteration order. */
    public static void write(Path file, Map<String, INDArray> arrays) {
        AtomicFiles.write(file, raw -> {
            ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(raw, 1 << 16));
            // Checkpoints are mostly incompressible floats; level 1 keeps saves fast.
            zip.setLevel(1);
            for (var e : arrays.entrySet()) {
                INDArray a = e.getValue();
                // The npy codec writes the array's buffer as it is laid out; views must be made dense first.
                INDArray dense = a.isView() || a.ordering() != 'c' ? a.dup('c') : a;
                zip.putNextEntry(new ZipEntry(e.getKey() + SUFFIX));
                zip.write(Nd4j.toNpyByteArray(dense));
                zip.closeEntry();
            }
            zip.finish();
            zip.flush();
        });
    }

    /**
     * Reads every array of an {@code .npz} file, keyed by entry name without {@code .npy}.
     *
     * @throws UserError naming the file (and entry) when the file is missing or not an npz
     */
    public static Map<String, INDArray> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UserError("no such npz file: " + file);
        }
        Map<String, INDArray> out = new LinkedHashMap<>();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file));
             ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                String name = e.getName();
                if (!name.endsWith(SUFFIX)) {
                    throw new UserError(file + ": entry '" + name + "' is not an .npy array");
                }
                byte[] bytes = zip.readAllBytes();
                INDArray a;
                try {
                    a = Nd4j.createNpyFromByteArray(bytes);
                } catch (RuntimeException ex) {
                    throw new UserError(file + ": entry '" + name + "' is not a readable .npy array: " + ex.getMessage(), ex);
                }
                out.put(name.substring(0, name.length() - SUFFIX.length()), a);
            }
        } catch (ZipException ex) {
            throw new UserError(file + " is not an npz (zip) file: " + ex.getMessage(), ex);
        } catch (IOException ex) {
            throw new UserError("could not read " + file + ": " + ex.getMessage(), ex);
        }
        if (out.isEmpty()) {
            throw new UserError(file + " holds no arrays (empty or not an npz file)");
        }
        return out;
    }
}
