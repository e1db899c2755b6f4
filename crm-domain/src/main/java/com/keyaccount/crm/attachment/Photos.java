package com.keyaccount.crm.attachment;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Images are decoded and drawn anew, so nothing of the original file survives but its pixels: no
 * EXIF (position, camera, owner), no comments, nothing hidden after the image data. The size is
 * bounded as the browser bounds it before sending (a phone that did not shrink its photo costs the
 * same storage), and a thumbnail is made for the timeline.
 */
final class Photos {

    /** More pixels than any phone camera takes: refused before anything is decoded (a decompression bomb). */
    static final long MAX_PIXELS = 120_000_000L;

    private final int longEdge;
    private final int thumbnailEdge;

    Photos(int longEdge, int thumbnailEdge) {
        this.longEdge = longEdge;
        this.thumbnailEdge = thumbnailEdge;
    }

    record Encoded(String contentType, byte[] content, byte[] thumbnail) {
    }

    /**
     * @param quarterTurns clockwise quarter turns that stand the photo upright (its EXIF orientation)
     * @throws FileRefusedException {@code notAnImage}, {@code tooManyPixels}
     */
    Encoded reencode(String fileName, byte[] content, int quarterTurns) {
        BufferedImage decoded = upright(decode(fileName, content), quarterTurns);
        boolean alpha = decoded.getColorModel().hasAlpha();
        BufferedImage image = scaled(decoded, longEdge, alpha);
        BufferedImage thumbnail = scaled(image, thumbnailEdge, false);
        try {
            return alpha ? new Encoded("image/png", png(image), jpeg(thumbnail, 0.75f))
                    : new Encoded("image/jpeg", jpeg(image, 0.8f), jpeg(thumbnail, 0.75f));
        } catch (IOException cannotHappenInMemory) {
            throw new IllegalStateException(cannotHappenInMemory);
        }
    }

    private BufferedImage decode(String fileName, byte[] content) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new FileRefusedException("notAnImage", fileName);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width * height > MAX_PIXELS) {
                    throw new FileRefusedException("tooManyPixels", fileName);
                }
                // a 48-megapixel photo is read at a fraction of its size: memory stays bounded
                ImageReadParam param = reader.getDefaultReadParam();
                int step = (int) Math.max(1, Math.max(width, height) / (2L * longEdge));
                param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage image = reader.read(0, param);
                if (image == null || image.getWidth() < 1 || image.getHeight() < 1) {
                    throw new FileRefusedException("notAnImage", fileName);
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException broken) {
            if (broken instanceof FileRefusedException refused) {
                throw refused;
            }
            throw new FileRefusedException("notAnImage", fileName);
        }
    }

    private static BufferedImage upright(BufferedImage image, int quarterTurns) {
        int turns = Math.floorMod(quarterTurns, 4);
        if (turns == 0) {
            return image;
        }
        boolean swap = turns % 2 == 1;
        int w = image.getWidth();
        int h = image.getHeight();
        BufferedImage turned = new BufferedImage(swap ? h : w, swap ? w : h, imageType(image.getColorModel().hasAlpha()));
        AffineTransform transform = new AffineTransform();
        transform.translate(turned.getWidth() / 2.0, turned.getHeight() / 2.0);
        transform.quadrantRotate(turns);
        transform.translate(-w / 2.0, -h / 2.0);
        Graphics2D g = turned.createGraphics();
        g.drawImage(image, transform, null);
        g.dispose();
        return turned;
    }

    /** At most {@code edge} pixels on the long side, halved step by step so the result stays sharp. */
    private static BufferedImage scaled(BufferedImage image, int edge, boolean alpha) {
        BufferedImage current = image;
        int width = image.getWidth();
        int height = image.getHeight();
        double factor = Math.min(1.0, (double) edge / Math.max(width, height));
        int targetW = Math.max(1, (int) Math.round(width * factor));
        int targetH = Math.max(1, (int) Math.round(height * factor));
        do {
            width = Math.max(targetW, width / 2);
            height = Math.max(targetH, height / 2);
            current = draw(current, width, height, alpha);
        } while (width != targetW || height != targetH);
        return current;
    }

    private static BufferedImage draw(BufferedImage source, int width, int height, boolean alpha) {
        BufferedImage target = new BufferedImage(width, height, imageType(alpha));
        Graphics2D g = target.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        if (!alpha) {
            // a transparent PNG becomes a JPEG on white, as it would print
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, width, height);
        }
        g.drawImage(source, 0, 0, width, height, null);
        g.dispose();
        return target;
    }

    private static int imageType(boolean alpha) {
        return alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
    }

    private static byte[] jpeg(BufferedImage image, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
