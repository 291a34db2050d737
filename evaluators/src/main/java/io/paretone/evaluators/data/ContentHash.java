package io.paretone.evaluators.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The {@link DataSplits#contentHash()} of three splits: SHA-256 in hex over train, validation and
 * test in that order, each as its example count, then per example its facet count, each facet's
 * UTF-8 name and value (each preceded by its byte length), and its values' IEEE 754 bits, every number
 * little-endian. Two datasets hash alike only if every label and every value bit match, however
 * they were produced.
 */
public final class ContentHash {
    private ContentHash() {}

    public static String of(
            List<? extends Example> train, List<? extends Example> validation, List<? extends Example> test) {
        MessageDigest digest = sha256();
        for (List<? extends Example> split : List.of(train, validation, test)) {
            digest.update(ints(split.size()));
            for (Example clip : split) {
                digest.update(ints(clip.labels().size()));
                for (Map.Entry<String, String> facet : clip.labels().entrySet()) {
                    text(digest, facet.getKey());
                    text(digest, facet.getValue());
                }
                float[] samples = clip.values();
                ByteBuffer bytes = ByteBuffer.allocate(4 + 4 * samples.length).order(ByteOrder.LITTLE_ENDIAN);
                bytes.putInt(samples.length);
                for (float sample : samples) {
                    bytes.putInt(Float.floatToIntBits(sample));
                }
                digest.update(bytes.array());
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void text(MessageDigest digest, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        digest.update(ints(bytes.length));
        digest.update(bytes);
    }

    /** SHA-256 of UTF-8 text in hex, for cache keys. */
    public static String ofText(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** SHA-256 of a file's bytes in hex. */
    public static String ofFile(Path file) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static byte[] ints(int value) {
        return ByteBuffer.allocate(4)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putInt(value)
                .array();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform provides SHA-256", e);
        }
    }
}
