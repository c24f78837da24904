package io.cobench.data.dicom;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The few attributes of a DICOM Part 10 file that decoding needs, and for encapsulated (compressed)
 * transfer syntaxes the first frame's compressed bytes.
 *
 * <p>This walks top-level elements only. Encapsulated pixel data is always written in explicit VR
 * little endian (PS3.5 A.4), so that is the only encoding walked for compressed files; for native
 * ones the walk stops at the first element it cannot read and ImageJ, which reads every native
 * encoding, does the decoding.
 */
record DicomHeader(String transferSyntax, int rows, int columns, int samplesPerPixel, int bitsAllocated,
        String photometric, int frames, byte[] firstFrame) {

    static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";
    static final String JPEG_BASELINE = "1.2.840.10008.1.2.4.50";

    /** VRs whose explicit form has two reserved bytes and a 32-bit length (PS3.5 Table 7.1-1). */
    private static final Set<String> LONG_VRS = Set.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN",
            "UR", "UT", "UV");
    private static final long UNDEFINED = 0xFFFFFFFFL;
    private static final int ITEM = 0xFFFEE000;
    private static final int ITEM_END = 0xFFFEE00D;
    private static final int SEQUENCE_END = 0xFFFEE0DD;
    private static final int PIXEL_DATA = 0x7FE00010;

    /** True for transfer syntaxes whose pixel data is compressed in fragments. */
    boolean encapsulated() {
        return transferSyntax.startsWith("1.2.840.10008.1.2.4.") || transferSyntax.startsWith("1.2.840.10008.1.2.5");
    }

    static DicomHeader parse(byte[] file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        if (file.length < 132 || !"DICM".equals(new String(file, 128, 4, StandardCharsets.US_ASCII))) {
            throw new IOException("not a DICOM file (no 'DICM' at byte 128)");
        }
        b.position(132);
        Builder h = new Builder();
        // The file meta group is explicit VR little endian whatever the transfer syntax.
        while (b.remaining() >= 8 && b.getShort(b.position()) == 0x0002) {
            element(b, h, true);
        }
        if (h.transferSyntax == null) {
            throw new IOException("no Transfer Syntax UID (0002,0010) in the file meta group");
        }
        boolean explicit = !"1.2.840.10008.1.2".equals(h.transferSyntax);
        boolean little = !"1.2.840.10008.1.2.2".equals(h.transferSyntax);
        if (explicit && little) {
            boolean compressed = h.transferSyntax.startsWith("1.2.840.10008.1.2.4.")
                    || h.transferSyntax.startsWith("1.2.840.10008.1.2.5");
            try {
                while (b.remaining() >= 8 && h.firstFrame == null && !h.sawPixelData) {
                    element(b, h, false);
                }
            } catch (IOException | RuntimeException e) {
                // Native pixel data is ImageJ's to read, and it reads more than this walk does.
                if (compressed) {
                    throw e instanceof IOException io ? io : new IOException("unreadable DICOM header: " + e, e);
                }
            }
        }
        return new DicomHeader(h.transferSyntax, h.rows, h.columns, h.samples, h.bits, h.photometric, h.frames,
                h.firstFrame);
    }

    private static void element(ByteBuffer b, Builder h, boolean meta) throws IOException {
        int at = b.position();
        int tag = (b.getShort() & 0xFFFF) << 16 | (b.getShort() & 0xFFFF);
        String vr = new String(new byte[] {b.get(), b.get()}, StandardCharsets.US_ASCII);
        long length;
        if (LONG_VRS.contains(vr)) {
            b.getShort();
            length = b.getInt() & 0xFFFFFFFFL;
        } else if (vr.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
            length = b.getShort() & 0xFFFF;
        } else {
            throw new IOException("unreadable element at byte " + at + " (VR bytes '" + vr + "')");
        }
        if (tag == PIXEL_DATA) {
            h.sawPixelData = true;
            if (length == UNDEFINED) {
                h.firstFrame = fragments(b);
            }
            return;
        }
        if (length == UNDEFINED) {
            skipUndefined(b);
            return;
        }
        if (length > b.remaining()) {
            throw new IOException("element (" + hex(tag) + ") at byte " + at + " runs past the end of the file");
        }
        int start = b.position();
        switch (tag) {
            case 0x00020010 -> h.transferSyntax = text(b, start, (int) length);
            case 0x00280002 -> h.samples = b.getShort(start) & 0xFFFF;
            case 0x00280004 -> h.photometric = text(b, start, (int) length);
            case 0x00280008 -> h.frames = Integer.parseInt(text(b, start, (int) length));
            case 0x00280010 -> h.rows = b.getShort(start) & 0xFFFF;
            case 0x00280011 -> h.columns = b.getShort(start) & 0xFFFF;
            case 0x00280100 -> h.bits = b.getShort(start) & 0xFFFF;
            default -> {
            }
        }
        b.position(start + (int) length);
    }

    /** Concatenates the pixel data fragments after the basic offset table; single-frame images only. */
    private static byte[] fragments(ByteBuffer b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean table = true;
        while (true) {
            if (b.remaining() < 8) {
                throw new IOException("encapsulated pixel data ends without a sequence delimiter");
            }
            int tag = (b.getShort() & 0xFFFF) << 16 | (b.getShort() & 0xFFFF);
            long length = b.getInt() & 0xFFFFFFFFL;
            if (tag == SEQUENCE_END) {
                return out.toByteArray();
            }
            if (tag != ITEM || length > b.remaining()) {
                throw new IOException("damaged encapsulated pixel data at byte " + (b.position() - 8));
            }
            if (!table) {
                out.write(b.array(), b.position(), (int) length);
            }
            table = false;
            b.position(b.position() + (int) length);
        }
    }

    /** Skips a sequence (or item) of undefined length up to its delimiter, nested ones included. */
    private static void skipUndefined(ByteBuffer b) throws IOException {
        int depth = 1;
        while (depth > 0) {
            if (b.remaining() < 8) {
                throw new IOException("sequence of undefined length never ends");
            }
            int tag = (b.getShort() & 0xFFFF) << 16 | (b.getShort() & 0xFFFF);
            if (tag == ITEM || tag == ITEM_END || tag == SEQUENCE_END) {
                long length = b.getInt() & 0xFFFFFFFFL;
                if (tag == ITEM && length == UNDEFINED) {
                    depth++;
                } else if (tag == ITEM) {
                    b.position(b.position() + (int) length);
                } else {
                    depth--;
                }
                continue;
            }
            b.position(b.position() - 4);
            Builder ignored = new Builder();
            element(b, ignored, false);
        }
    }

    private static String text(ByteBuffer b, int start, int length) {
        byte[] v = new byte[length];
        b.get(start, v);
        return new String(v, StandardCharsets.US_ASCII).replace('\0', ' ').strip();
    }

    private static String hex(int tag) {
        return String.format("%04X,%04X", tag >>> 16, tag & 0xFFFF);
    }

    private static final class Builder {
        String transferSyntax;
        String photometric = "";
        int rows;
        int columns;
        int samples = 1;
        int bits;
        int frames = 1;
        byte[] firstFrame;
        boolean sawPixelData;
    }
}
