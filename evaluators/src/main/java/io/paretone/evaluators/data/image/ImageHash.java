package io.paretone.evaluators.data.image;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * SHA-256 in hex over three splits of images and over text (cache keys): per split its image
 * count, then per image its UTF-8 label and its values' IEEE 754 bits, little-endian, the same
 * scheme as the audio splits' hash.
 */
final class ImageHash {
    private ImageHash() {}

    static String of(List<LabelledImage> train, List<LabelledImage> validation, List<LabelledImage> test) {
        MessageDigest digest = sha256();
        for (List<LabelledImage> split : List.of(train, validation, test)) {
            digest.update(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(split.size()).array());
            for (LabelledImage image : split) {
                byte[] label = image.label().getBytes(StandardCharsets.UTF_8);
                ByteBuffer bytes = ByteBuffer.allocate(8 + label.length + 4 * image.values().length)
                        .order(ByteOrder.LITTLE_ENDIAN);
                bytes.putInt(label.length).put(label).putInt(image.values().length);
                for (float v : image.values()) {
                    bytes.putInt(Float.floatToIntBits(v));
                }
                digest.update(bytes.array());
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static String ofText(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform provides SHA-256", e);
        }
    }
}
