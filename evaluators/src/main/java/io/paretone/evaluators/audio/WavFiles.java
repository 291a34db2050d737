package io.paretone.evaluators.audio;

import io.paretone.spaces.check.Check;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Mono WAV files: writes 16-bit PCM, reads any PCM or float WAV that Java Sound understands,
 * averaging its channels. A sample {@code x} in [-1, 1] is stored as {@code round(32768 x)},
 * clipped to the 16-bit range, and read back as {@code value / 32768}, so a round trip changes a
 * sample by at most 1/32768.
 */
public final class WavFiles {
    private static final int HEADER_BYTES = 44;

    private WavFiles() {}

    /** Audio read from a WAV file: mono samples in [-1, 1] and their rate. */
    public record Wav(float[] samples, int sampleRate) {}

    /**
     * Writes {@code samples} as a 16-bit PCM mono WAV, through a temporary file so a crash never
     * leaves half a file under {@code file}. Samples outside [-1, 1] are clipped.
     */
    public static void write(Path file, float[] samples, int sampleRate) throws IOException {
        Check.notNull("samples", samples);
        Check.positive("sampleRate", sampleRate);
        int dataBytes = 2 * samples.length;
        ByteBuffer bytes = ByteBuffer.allocate(HEADER_BYTES + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        bytes.put(ascii("RIFF")).putInt(36 + dataBytes).put(ascii("WAVE"));
        bytes.put(ascii("fmt "))
                .putInt(16)
                .putShort((short) 1) // PCM
                .putShort((short) 1) // mono
                .putInt(sampleRate)
                .putInt(sampleRate * 2) // bytes per second
                .putShort((short) 2) // bytes per frame
                .putShort((short) 16);
        bytes.put(ascii("data")).putInt(dataBytes);
        for (float sample : samples) {
            bytes.putShort(toPcm16(sample));
        }
        Path absolute = file.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path temporary = Files.createTempFile(absolute.getParent(), absolute.getFileName() + ".", ".tmp");
        try {
            Files.write(temporary, bytes.array());
            Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Reads a WAV file as mono: 16-bit PCM exactly as {@link #write} stores it, any other encoding
     * through Java Sound's float conversion, channels averaged.
     *
     * @throws IOException if the file is not a WAV file Java Sound can decode
     */
    public static Wav read(Path file) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file));
                AudioInputStream in = AudioSystem.getAudioInputStream(raw)) {
            AudioFormat format = in.getFormat();
            int channels = format.getChannels();
            int sampleRate = Math.round(format.getSampleRate());
            if (format.getEncoding() == AudioFormat.Encoding.PCM_SIGNED && format.getSampleSizeInBits() == 16) {
                ByteBuffer bytes = ByteBuffer.wrap(in.readAllBytes())
                        .order(format.isBigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
                return new Wav(mixDown(bytes, channels, false), sampleRate);
            }
            AudioFormat floats = new AudioFormat(
                    AudioFormat.Encoding.PCM_FLOAT,
                    format.getSampleRate(),
                    32,
                    channels,
                    4 * channels,
                    format.getSampleRate(),
                    false);
            if (!AudioSystem.isConversionSupported(floats, format)) {
                throw new IOException(file + " holds " + format + ", which Java Sound cannot decode; "
                        + "convert it to 16-bit PCM WAV.");
            }
            try (AudioInputStream converted = AudioSystem.getAudioInputStream(floats, in)) {
                ByteBuffer bytes = ByteBuffer.wrap(converted.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
                return new Wav(mixDown(bytes, channels, true), sampleRate);
            }
        } catch (UnsupportedAudioFileException e) {
            throw new IOException(file + " is not an audio file Java Sound can read: " + e.getMessage(), e);
        }
    }

    private static float[] mixDown(ByteBuffer bytes, int channels, boolean isFloat) {
        int frames = bytes.remaining() / ((isFloat ? 4 : 2) * channels);
        float[] mono = new float[frames];
        for (int f = 0; f < frames; f++) {
            float sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += isFloat ? bytes.getFloat() : bytes.getShort() / 32768f;
            }
            mono[f] = sum / channels;
        }
        return mono;
    }

    private static short toPcm16(float sample) {
        long value = Math.round(sample * 32768.0);
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, value));
    }

    private static byte[] ascii(String tag) {
        return tag.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
