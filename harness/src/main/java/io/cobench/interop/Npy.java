package io.cobench.interop;

import io.cobench.cli.UserError;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NumPy {@code .npy} files of little-endian float32 in C order, read and written a block of rows
 * at a time, so that embedding a large array never holds all of it (ND4J's npy reader loads the
 * whole file). Only the header is parsed here; anything else (another dtype, Fortran order, a
 * pickled object array) is refused with a message that names the file and what it holds.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    /** What an npy header says: the dtype descriptor, the shape and where the data starts. */
    public record Header(String descr, boolean fortranOrder, long[] shape, long dataOffset) {
        public long count() {
            long n = 1;
            for (long d : shape) {
                n *= d;
            }
            return n;
        }
    }

    private Npy() {
    }

    /** Parses the header of {@code file}. */
    public static Header header(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UserError("no such .npy file: " + file);
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer pre = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(pre, 0);
            pre.flip();
            byte[] magic = new byte[6];
            if (pre.remaining() < 10) {
                throw new UserError(file + " is not a .npy file (too short)");
            }
            pre.get(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new UserError(file + " is not a .npy file (no \\x93NUMPY magic)");
            }
            int major = pre.get() & 0xff;
            pre.get();
            long len;
            int start;
            if (major == 1) {
                len = pre.getShort() & 0xffff;
                start = 10;
            } else if (major == 2 || major == 3) {
                if (pre.remaining() < 4) {
                    throw new UserError(file + " is not a .npy file (truncated header)");
                }
                len = pre.getInt() & 0xffffffffL;
                start = 12;
            } else {
                throw new UserError(file + ": unsupported .npy format version " + major);
            }
            if (len > 1 << 20) {
                throw new UserError(file + ": .npy header of " + len + " bytes is not plausible");
            }
            ByteBuffer hb = ByteBuffer.allocate((int) len);
            ch.read(hb, start);
            String h = new String(hb.array(), 0, hb.position(), StandardCharsets.ISO_8859_1);
            Matcher d = DESCR.matcher(h);
            Matcher f = FORTRAN.matcher(h);
            Matcher s = SHAPE.matcher(h);
            if (!d.find() || !f.find() || !s.find()) {
                throw new UserError(file + ": malformed .npy header: " + h.trim());
            }
            String dims = s.group(1).trim();
            long[] shape = dims.isEmpty() ? new long[0] : Arrays.stream(dims.split(","))
                    .map(String::trim).filter(t -> !t.isEmpty()).mapToLong(Long::parseLong).toArray();
            Header out = new Header(d.group(1), f.group(1).equals("True"), shape, start + len);
            long need = out.dataOffset() + out.count() * itemSize(out.descr());
            if (itemSize(out.descr()) > 0 && ch.size() < need) {
                throw new UserError(file + " is truncated: its header promises " + Arrays.toString(shape) + " "
                        + out.descr() + " (" + need + " bytes), the file has " + ch.size());
            }
            return out;
        } catch (IOException e) {
            throw new UserError("cannot read " + file + ": " + e.getMessage(), e);
        } catch (NumberFormatException e) {
            throw new UserError(file + ": malformed shape in .npy header", e);
        }
    }

    private static int itemSize(String descr) {
        Matcher m = Pattern.compile("^[<>|=]?[a-zA-Z](\\d+)$").matcher(descr);
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** The header of {@code file}, which must be float32 in C order; otherwise an error saying what it holds. */
    public static Header float32(Path file, String expected) {
        Header h = header(file);
        if (!h.descr().equals("<f4") && !h.descr().equals("=f4")) {
            throw new UserError(file + " holds dtype '" + h.descr() + "' " + Arrays.toString(h.shape())
                    + "; expected float32 ('<f4') " + expected + " (numpy: x.astype(np.float32))");
        }
        if (h.fortranOrder()) {
            throw new UserError(file + " is in Fortran order; expected C order " + expected
                    + " (numpy: np.ascontiguousarray(x))");
        }
        return h;
    }

    /** Reads {@code count} float32 values starting at element {@code from}. */
    public static float[] readFloats(Path file, Header h, long from, int count) {
        float[] out = new float[count];
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.allocate(count * 4).order(ByteOrder.LITTLE_ENDIAN);
            long pos = h.dataOffset() + from * 4;
            while (b.hasRemaining()) {
                int r = ch.read(b, pos + b.position());
                if (r < 0) {
                    throw new UserError(file + " ended early, at element " + (from + b.position() / 4));
                }
            }
            b.flip();
            b.asFloatBuffer().get(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * Writes a version 1.0 float32 header for {@code shape}, padded so that the data starts at a
     * multiple of 64 bytes as NumPy itself writes it; the caller then writes the values.
     */
    public static void writeFloat32Header(OutputStream out, long... shape) throws IOException {
        StringBuilder dims = new StringBuilder();
        for (long d : shape) {
            dims.append(d).append(", ");
        }
        // NumPy spells a 1-tuple (n,) and longer tuples without the trailing comma.
        String tuple = shape.length == 1 ? dims.substring(0, dims.length() - 1)
                : dims.length() == 0 ? "" : dims.substring(0, dims.length() - 2);
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + tuple + "), }";
        int total = 10 + dict.length() + 1;
        int padded = (total + 63) / 64 * 64;
        String header = dict + " ".repeat(padded - total) + "\n";
        ByteBuffer pre = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
        pre.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
        out.write(pre.array());
        out.write(header.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Writes {@code values} as little-endian float32. */
    public static void writeFloats(OutputStream out, float[] values) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        out.write(b.array());
    }
}
