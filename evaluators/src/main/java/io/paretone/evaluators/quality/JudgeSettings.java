package io.paretone.evaluators.quality;

import io.paretone.spaces.check.Check;
import io.paretone.spaces.check.InvalidValueException;

/**
 * How the judge network is built and trained. Build one with {@link #builder()}, where every
 * default lives. Everything here goes into the judge's cache key.
 *
 * @param melBands log-mel bands of the judge's input
 * @param channels channels of each of its three convolutions
 * @param embeddingSize length of the embedding the Fréchet term compares
 * @param steps training steps (Adam), each on one batch of random crops
 * @param batchSize crops per step
 * @param learningRate Adam's learning rate
 * @param seed seeds weight initialisation and the crops drawn
 */
public record JudgeSettings(
        int melBands, int channels, int embeddingSize, int steps, int batchSize, double learningRate, long seed) {

    public JudgeSettings {
        Check.atLeast("judge.melBands", melBands, 8);
        Check.positive("judge.channels", channels);
        Check.positive("judge.embeddingSize", embeddingSize);
        Check.positive("judge.steps", steps);
        Check.positive("judge.batchSize", batchSize);
        Check.that(
                learningRate > 0 && learningRate < 1, "judge.learningRate", learningRate, "use a value such as 0.003");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Every setting as one stable line, for cache keys; only append to it. */
    public String canonical() {
        return "melBands=" + melBands + ";channels=" + channels + ";embedding=" + embeddingSize + ";steps=" + steps
                + ";batch=" + batchSize + ";lr=" + learningRate + ";seed=" + seed;
    }

    /** Builds {@link JudgeSettings}; {@code setSeed} is required. */
    public static final class Builder {
        private Long seed;
        private int melBands = 64;
        private int channels = 64;
        private int embeddingSize = 64;
        private int steps = 400;
        private int batchSize = 32;
        private double learningRate = 0.003;

        private Builder() {}

        public Builder setSeed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder optMelBands(int melBands) {
            this.melBands = melBands;
            return this;
        }

        public Builder optChannels(int channels) {
            this.channels = channels;
            return this;
        }

        public Builder optEmbeddingSize(int embeddingSize) {
            this.embeddingSize = embeddingSize;
            return this;
        }

        public Builder optSteps(int steps) {
            this.steps = steps;
            return this;
        }

        public Builder optBatchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        public Builder optLearningRate(double learningRate) {
            this.learningRate = learningRate;
            return this;
        }

        /** @throws InvalidValueException naming the first setting that is missing or wrong */
        public JudgeSettings build() {
            Check.that(seed != null, "seed", null, "is required: call setSeed so the judge can be trained again");
            return new JudgeSettings(melBands, channels, embeddingSize, steps, batchSize, learningRate, seed);
        }
    }
}
