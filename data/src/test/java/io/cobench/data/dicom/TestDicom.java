package io.cobench.data.dicom;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Writes small DICOM Part 10 files for tests: explicit VR little endian, 8-bit, one sample,
 * either native pixel data or JPEG Baseline in encapsulated fragments (PS3.5 A.4). Only the
 * attributes a reader needs are written, in tag order.
 */
public final class TestDicom {

    private TestDicom() {
    }

    /** Uncompressed file holding {@code pixels} (row-major) as stored values. */
    public static void writeNative(Path file, String sopUid, int width, int height, byte[] pixels,
            String photometric) throws IOException {
        byte[] data = pixels.length % 2 == 0 ? pixels : java.util.Arrays.copyOf(pixels, pixels.length + 1);
        ByteArrayOutputStream out = start(sopUid, DicomHeader.EXPLICIT_LE);
        imageAttributes(out, width, height, photometric);
        longElement(out, 0x7FE0, 0x0010, "OB", data.length);
        out.write(data);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, out.toByteArray());
    }

    /**
     * JPEG Baseline file; the stream is split into two fragments after a basic offset table, as
     * encoders that fragment long streams do, so readers must join fragments.
     *
     * @return the embedded JPEG stream, for independent decoding
     */
    public static byte[] writeJpeg(Path file, String sopUid, int width, int height, byte[] pixels,
            String photometric, float quality) throws IOException {
        byte[] jpeg = jpeg(width, height, pixels, quality);
        ByteArrayOutputStream out = start(sopUid, DicomHeader.JPEG_BASELINE);
        imageAttributes(out, width, height, photometric);
        longElement(out, 0x7FE0, 0x0010, "OB", 0xFFFFFFFF);
        item(out, new byte[0]);
        int cut = (jpeg.length / 2) & ~1;
        item(out, java.util.Arrays.copyOfRange(jpeg, 0, cut));
        item(out, java.util.Arrays.copyOfRange(jpeg, cut, jpeg.length));
        tagOnly(out, 0xFFFE, 0xE0DD, 0);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, out.toByteArray());
        return jpeg;
    }

    /** A baseline JPEG of a grey picture, as ImageIO writes it. */
    public static byte[] jpeg(int width, int height, byte[] pixels, float quality) throws IOException {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        System.arraycopy(pixels, 0, ((DataBufferByte) img.getRaster().getDataBuffer()).getData(), 0, pixels.length);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(bytes)) {
            w.setOutput(ios);
            ImageWriteParam p = w.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(quality);
            w.write(null, new IIOImage(img, null, null), p);
        } finally {
            w.dispose();
        }
        return bytes.toByteArray();
    }

    private static ByteArrayOutputStream start(String sopUid, String transferSyntax) throws IOException {
        ByteArrayOutputStream meta = new ByteArrayOutputStream();
        longElement(meta, 0x0002, 0x0001, "OB", 2);
        meta.write(new byte[] {0, 1});
        text(meta, 0x0002, 0x0002, "UI", "1.2.840.10008.5.1.4.1.1.7");
        text(meta, 0x0002, 0x0003, "UI", sopUid);
        text(meta, 0x0002, 0x0010, "UI", transferSyntax);
        text(meta, 0x0002, 0x0012, "UI", "1.2.3.4.5");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[128]);
        out.write("DICM".getBytes(StandardCharsets.US_ASCII));
        shortElement(out, 0x0002, 0x0000, "UL", 4);
        out.write(le32(meta.size()));
        out.write(meta.toByteArray());
        text(out, 0x0008, 0x0016, "UI", "1.2.840.10008.5.1.4.1.1.7");
        text(out, 0x0008, 0x0018, "UI", sopUid);
        text(out, 0x0008, 0x0060, "CS", "CR");
        return out;
    }

    private static void imageAttributes(ByteArrayOutputStream out, int width, int height, String photometric)
            throws IOException {
        us(out, 0x0028, 0x0002, 1);
        text(out, 0x0028, 0x0004, "CS", photometric);
        us(out, 0x0028, 0x0010, height);
        us(out, 0x0028, 0x0011, width);
        us(out, 0x0028, 0x0100, 8);
        us(out, 0x0028, 0x0101, 8);
        us(out, 0x0028, 0x0102, 7);
        us(out, 0x0028, 0x0103, 0);
    }

    private static void text(ByteArrayOutputStream out, int group, int element, String vr, String value)
            throws IOException {
        byte[] v = value.getBytes(StandardCharsets.US_ASCII);
        if (v.length % 2 != 0) {
            v = java.util.Arrays.copyOf(v, v.length + 1);
            v[v.length - 1] = (byte) ("UI".equals(vr) ? 0 : ' ');
        }
        shortElement(out, group, element, vr, v.length);
        out.write(v);
    }

    private static void us(ByteArrayOutputStream out, int group, int element, int value) throws IOException {
        shortElement(out, group, element, "US", 2);
        out.write(new byte[] {(byte) value, (byte) (value >> 8)});
    }

    private static void shortElement(ByteArrayOutputStream out, int group, int element, String vr, int length)
            throws IOException {
        out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putShort((short) group)
                .putShort((short) element).put(vr.getBytes(StandardCharsets.US_ASCII)).putShort((short) length)
                .array());
    }

    private static void longElement(ByteArrayOutputStream out, int group, int element, String vr, int length)
            throws IOException {
        out.write(ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putShort((short) group)
                .putShort((short) element).put(vr.getBytes(StandardCharsets.US_ASCII)).putShort((short) 0)
                .putInt(length).array());
    }

    private static void item(ByteArrayOutputStream out, byte[] value) throws IOException {
        byte[] v = value.length % 2 == 0 ? value : java.util.Arrays.copyOf(value, value.length + 1);
        tagOnly(out, 0xFFFE, 0xE000, v.length);
        out.write(v);
    }

    private static void tagOnly(ByteArrayOutputStream out, int group, int element, int length) throws IOException {
        out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putShort((short) group)
                .putShort((short) element).putInt(length).array());
    }

    private static byte[] le32(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }
}
