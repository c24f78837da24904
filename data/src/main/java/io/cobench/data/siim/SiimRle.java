package io.cobench.data.siim;

/**
 * The run-length code of SIIM-ACR's {@code train-rle.csv}, which is not standard Kaggle RLE.
 *
 * <p>One frame for every code: the original 1024 x 1024 DICOM ({@link #SIZE}), whatever size the
 * image file on disk has. Real codes are in that frame, and the phantom writes its codes there
 * too. A mask for an image of another size (a PNG converted at 512 px, the phantom's 224 px, the
 * cache's size) is the 1024 mask scaled by {@link #scale}, never a code reinterpreted in a
 * smaller frame.
 *
 * <ul>
 *   <li>Pixels are numbered column-major: {@code p = x*height + y}, x the column, y the row.</li>
 *   <li>The code is pairs {@code (offset, length)}, 0-based. The first offset is absolute; each
 *       later offset counts from the end (exclusive) of the previous run.</li>
 *   <li>{@code -1} (or an empty string) is an empty mask.</li>
 * </ul>
 *
 * Worked example from the real file: {@code 557374 2 1015 8 1009 14} sets column 544 rows
 * 318-319, column 545 rows 311-318 and column 546 rows 304-317 of a 1024x1024 mask.
 *
 * <p>Masks here are row-major {@code byte[height*width]} holding 0 or 1. The official encoder
 * never emits a run that touches the last pixel (no real row has one); {@link #encode} does emit
 * it, so that every mask survives a round trip.
 */
public final class SiimRle {
    /** Side of the SIIM images, the frame the RLE refers to. */
    public static final int SIZE = 1024;

    private static final byte[] ZEROS = new byte[8192];

    /** The code of an empty mask in the CSV. */
    public static final String EMPTY = "-1";

    private SiimRle() {
    }

    /** True for the empty-mask code. */
    public static boolean isEmpty(String rle) {
        String s = rle.strip();
        return s.isEmpty() || s.equals(EMPTY);
    }

    /** Decodes into a new mask. */
    public static byte[] decode(String rle, int width, int height) {
        byte[] mask = new byte[width * height];
        decodeInto(rle, width, height, mask);
        return mask;
    }

    /**
     * Sets the pixels of {@code rle} to 1 in {@code mask}, leaving others as they are: decoding
     * every row of an image into one mask gives the union of its regions, as GLoRIA and MGCA do.
     *
     * @return the number of pixels this call turned from 0 to 1
     * @throws IllegalArgumentException for a malformed code or a run outside the image
     */
    public static long decodeInto(String rle, int width, int height, byte[] mask) {
        if (mask.length != width * height) {
            throw new IllegalArgumentException("mask has " + mask.length + " pixels, not " + width + "x" + height);
        }
        if (isEmpty(rle)) {
            return 0;
        }
        long[] runs = runs(rle, width, height);
        long added = 0;
        for (int i = 0; i < runs.length; i += 2) {
            for (long p = runs[i]; p < runs[i] + runs[i + 1]; p++) {
                int x = (int) (p / height);
                int y = (int) (p % height);
                int k = y * width + x;
                if (mask[k] == 0) {
                    mask[k] = 1;
                    added++;
                }
            }
        }
        return added;
    }

    /**
     * The runs of a code as absolute column-major {@code (start, length)} pairs; empty for
     * {@code -1}.
     *
     * @throws IllegalArgumentException for a malformed code or a run outside the image
     */
    public static long[] runs(String rle, int width, int height) {
        return isEmpty(rle) ? new long[0] : parse(rle, (long) width * height);
    }

    /** Pixels covered by the union of several codes (an image's regions), without building a mask. */
    public static long unionPixels(java.util.List<String> rles, int width, int height) {
        java.util.List<long[]> all = new java.util.ArrayList<>();
        for (String rle : rles) {
            long[] r = runs(rle, width, height);
            for (int i = 0; i < r.length; i += 2) {
                all.add(new long[] {r[i], r[i] + r[i + 1]});
            }
        }
        all.sort(java.util.Comparator.comparingLong(a -> a[0]));
        long total = 0;
        long end = -1;
        for (long[] iv : all) {
            if (iv[0] >= end) {
                total += iv[1] - iv[0];
                end = iv[1];
            } else if (iv[1] > end) {
                total += iv[1] - end;
                end = iv[1];
            }
        }
        return total;
    }

    /**
     * Checks a code without decoding it.
     *
     * @throws IllegalArgumentException for a malformed code or a run outside the image
     */
    public static void validate(String rle, int width, int height) {
        if (!isEmpty(rle)) {
            parse(rle, (long) width * height);
        }
    }

    /** Absolute (start, length) pairs. */
    private static long[] parse(String rle, long pixels) {
        String[] tok = rle.strip().split("\\s+");
        if (tok.length % 2 != 0) {
            throw new IllegalArgumentException("odd number of values (" + tok.length + ") in run-length code");
        }
        long[] runs = new long[tok.length];
        long pos = 0;
        for (int i = 0; i < tok.length; i += 2) {
            long offset = number(tok[i]);
            long length = number(tok[i + 1]);
            if (length == 0) {
                throw new IllegalArgumentException("run of length 0 at pair " + (i / 2 + 1));
            }
            pos += offset;
            if (pos + length > pixels) {
                throw new IllegalArgumentException("run " + (i / 2 + 1) + " ends at pixel " + (pos + length)
                        + ", past the image's " + pixels);
            }
            runs[i] = pos;
            runs[i + 1] = length;
            pos += length;
        }
        return runs;
    }

    private static long number(String s) {
        try {
            long v = Long.parseLong(s);
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + s + "' is not a non-negative integer");
        }
    }

    /**
     * Encodes a row-major 0/1 mask; an empty mask gives {@code -1}. The mask is scanned in memory
     * order and the set pixels are then sorted into column-major order: walking a 1024x1024 mask
     * column by column would touch a new cache line at every pixel.
     */
    public static String encode(byte[] mask, int width, int height) {
        if (mask.length != width * height) {
            throw new IllegalArgumentException("mask has " + mask.length + " pixels, not " + width + "x" + height);
        }
        int[] set = new int[64];
        int n = 0;
        int k = 0;
        while (k < mask.length) {
            // Masks are mostly empty: find the next set byte with the JDK's vectorised mismatch.
            int chunk = Math.min(ZEROS.length, mask.length - k);
            int m = java.util.Arrays.mismatch(mask, k, k + chunk, ZEROS, 0, chunk);
            if (m < 0) {
                k += chunk;
                continue;
            }
            for (k += m; k < mask.length && mask[k] != 0; k++) {
                if (n == set.length) {
                    set = java.util.Arrays.copyOf(set, n * 2);
                }
                set[n++] = k;
            }
        }
        if (n == 0) {
            return EMPTY;
        }
        // Counting sort by column; the row-major scan already orders rows within a column.
        int[] column = new int[width + 1];
        for (int i = 0; i < n; i++) {
            column[set[i] % width + 1]++;
        }
        for (int x = 0; x < width; x++) {
            column[x + 1] += column[x];
        }
        int[] flat = new int[n];
        for (int i = 0; i < n; i++) {
            int x = set[i] % width;
            flat[column[x]++] = x * height + set[i] / width;
        }
        StringBuilder sb = new StringBuilder();
        long prevEnd = 0;
        int i = 0;
        while (i < n) {
            int start = flat[i];
            int j = i + 1;
            while (j < n && flat[j] == flat[j - 1] + 1) {
                j++;
            }
            append(sb, start - prevEnd, j - i);
            prevEnd = start + (long) (j - i);
            i = j;
        }
        return sb.toString();
    }

    /**
     * Scales a row-major 0/1 mask by area: a target pixel is 1 when at least half of the source
     * pixels it covers are (each axis split at {@code floor(i * from / to)}; upscaling repeats
     * pixels).
     */
    public static byte[] scale(byte[] mask, int fromW, int fromH, int toW, int toH) {
        if (mask.length != fromW * fromH) {
            throw new IllegalArgumentException("mask has " + mask.length + " pixels, not " + fromW + "x" + fromH);
        }
        if (fromW == toW && fromH == toH) {
            return mask.clone();
        }
        byte[] out = new byte[toW * toH];
        for (int y = 0; y < toH; y++) {
            int y0 = (int) ((long) y * fromH / toH);
            int y1 = Math.max(y0 + 1, (int) ((long) (y + 1) * fromH / toH));
            for (int x = 0; x < toW; x++) {
                int x0 = (int) ((long) x * fromW / toW);
                int x1 = Math.max(x0 + 1, (int) ((long) (x + 1) * fromW / toW));
                int on = 0;
                for (int yy = y0; yy < y1; yy++) {
                    for (int xx = x0; xx < x1; xx++) {
                        on += mask[yy * fromW + xx];
                    }
                }
                out[y * toW + x] = (byte) (2 * on >= (y1 - y0) * (x1 - x0) ? 1 : 0);
            }
        }
        return out;
    }

    private static void append(StringBuilder sb, long offset, long length) {
        if (sb.length() > 0) {
            sb.append(' ');
        }
        sb.append(offset).append(' ').append(length);
    }
}
