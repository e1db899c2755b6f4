package com.keyaccount.crm.attachment;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/** Files as devices send them, made in the test: photos with EXIF (GPS, time, orientation), a PDF, Office files, an EXE. */
final class TestFiles {

    private TestFiles() {
    }

    static BufferedImage picture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(40, 120, 200));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, width / 2, height / 3);
        g.dispose();
        return image;
    }

    static byte[] png(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(picture(width, height), "png", out);
        return out.toByteArray();
    }

    static byte[] jpeg(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(picture(width, height), "jpeg", out);
        return out.toByteArray();
    }

    /**
     * A JPEG as a phone camera writes it: EXIF with its orientation, the time it was taken
     * ("2026:05:04 10:32:00") and where (GPS latitude 31° 14' N).
     */
    static byte[] cameraJpeg(int width, int height, int orientation) throws IOException {
        ByteBuffer tiff = ByteBuffer.allocate(142);
        tiff.put("MM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8);
        tiff.putShort((short) 3);
        entry(tiff, 0x0112, 3, 1, orientation << 16);
        entry(tiff, 0x8769, 4, 1, 50);
        entry(tiff, 0x8825, 4, 1, 88);
        tiff.putInt(0);
        tiff.putShort((short) 1);
        entry(tiff, 0x9003, 2, 20, 68);
        tiff.putInt(0);
        tiff.put("2026:05:04 10:32:00\0".getBytes(StandardCharsets.US_ASCII));
        tiff.putShort((short) 2);
        entry(tiff, 0x0001, 2, 2, 'N' << 24);
        entry(tiff, 0x0002, 5, 3, 118);
        tiff.putInt(0);
        tiff.putInt(31).putInt(1).putInt(14).putInt(1).putInt(0).putInt(1);
        return withApp1(jpeg(width, height), tiff.array());
    }

    private static void entry(ByteBuffer tiff, int tag, int type, int count, int value) {
        tiff.putShort((short) tag).putShort((short) type).putInt(count).putInt(value);
    }

    private static byte[] withApp1(byte[] jpeg, byte[] tiff) {
        ByteBuffer out = ByteBuffer.allocate(jpeg.length + 10 + tiff.length);
        out.put(jpeg, 0, 2);
        out.putShort((short) 0xFFE1).putShort((short) (2 + 6 + tiff.length));
        out.put("Exif\0\0".getBytes(StandardCharsets.US_ASCII)).put(tiff);
        out.put(jpeg, 2, jpeg.length - 2);
        return out.array();
    }

    static byte[] pdf() {
        return ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >>"
                + " endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] zip(String... entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String name : entries) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    static byte[] docx() throws IOException {
        return zip("[Content_Types].xml", "_rels/.rels", "word/document.xml");
    }

    /** The first bytes of a Windows program: the MZ header pointing at a PE signature. */
    static byte[] exe() {
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[0x3c] = (byte) 0x80;
        exe[0x80] = 'P';
        exe[0x81] = 'E';
        return exe;
    }

    static boolean contains(byte[] haystack, String needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
    }
}
