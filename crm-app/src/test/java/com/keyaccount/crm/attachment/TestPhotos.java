package com.keyaccount.crm.attachment;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Photos as phones send them, made by the tests: with EXIF (GPS and the time taken), or large and detailed. */
public final class TestPhotos {

    private TestPhotos() {
    }

    public static byte[] png(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(picture(width, height), "png", out);
        return out.toByteArray();
    }

    /** A JPEG with EXIF: taken 2026:05:04 10:32:00, at GPS latitude 31° 14' N ("GPS" and "Exif" in its bytes). */
    public static byte[] withGps(int width, int height) throws IOException {
        ByteBuffer tiff = ByteBuffer.allocate(130);
        tiff.put("MM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8);
        tiff.putShort((short) 2);
        entry(tiff, 0x8769, 4, 1, 38);
        entry(tiff, 0x8825, 4, 1, 76);
        tiff.putInt(0);
        tiff.putShort((short) 1);
        entry(tiff, 0x9003, 2, 20, 56);
        tiff.putInt(0);
        tiff.put("2026:05:04 10:32:00\0".getBytes(StandardCharsets.US_ASCII));
        tiff.putShort((short) 2);
        entry(tiff, 0x0001, 2, 2, 'N' << 24);
        entry(tiff, 0x0002, 5, 3, 106);
        tiff.putInt(0);
        tiff.putInt(31).putInt(1).putInt(14).putInt(1).putInt(0).putInt(1);
        byte[] jpeg = jpeg(picture(width, height), 0.9f);
        ByteBuffer out = ByteBuffer.allocate(jpeg.length + 10 + tiff.capacity());
        out.put(jpeg, 0, 2).putShort((short) 0xFFE1).putShort((short) (8 + tiff.capacity()))
                .put("Exif\0\0".getBytes(StandardCharsets.US_ASCII)).put(tiff.array()).put(jpeg, 2, jpeg.length - 2);
        return out.array();
    }

    /**
     * A phone photo of about 5 MB: 4032 × 3024 pixels of gradients with fine grain (as a sensor's
     * noise), saved at JPEG quality 0.97.
     */
    public static byte[] fiveMegabytePhoto() throws IOException {
        int width = 4032;
        int height = 3024;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random grain = new Random(23);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = clamp(60 + x * 150 / width + grain.nextInt(29) - 14);
                int g = clamp(90 + y * 120 / height + grain.nextInt(29) - 14);
                int b = clamp(160 - x * 80 / width + grain.nextInt(29) - 14);
                image.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        return jpeg(image, 0.97f);
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }

    private static void entry(ByteBuffer tiff, int tag, int type, int count, int value) {
        tiff.putShort((short) tag).putShort((short) type).putInt(count).putInt(value);
    }

    private static BufferedImage picture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(40, 120, 200));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.ORANGE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return image;
    }

    static byte[] jpeg(BufferedImage image, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    public static boolean contains(byte[] bytes, String text) {
        return new String(bytes, StandardCharsets.ISO_8859_1).contains(text);
    }
}
