package io.paretone.spaces.training;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import io.paretone.spaces.genome.Genome;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The training recipe every adversarial family (WaveGAN, DCGAN, GANSynth) follows: per step,
 * {@code criticUpdates} critic updates then one generator update ({@link AdversarialPasses}), both
 * players trained by Adam at the genome's learning rate ({@link TrainingGenes}) with the family's
 * betas, for the genome's steps, the critic's loss reported. The families differ in their blocks, shapes, betas and losses, which they pass in.
 *
 * @param criticName the critic's name in updates, groups and progress ("discriminator", "critic")
 * @param generator the generator within the root block
 * @param critic the critic within the root block
 * @param latents the generator's input batch
 * @param samples a batch as the critic receives it, real or generated
 * @param gradientPenalty whether the critic's loss runs the WGAN-GP penalty's pass
 */
public record AdversarialRecipe(
        String criticName,
        UnaryOperator<Block> generator,
        UnaryOperator<Block> critic,
        Shape latents,
        Shape samples,
        boolean gradientPenalty) {
    private static final String GENERATOR = "generator";

    /**
     * @param genome the candidate's genome, for its training genes
     * @param criticLoss the loss of a critic update
     * @param generatorLoss the loss of the generator update
     */
    public TrainingRecipe recipe(
            Genome genome,
            double beta1,
            double beta2,
            int criticUpdates,
            Update.Loss criticLoss,
            Update.Loss generatorLoss) {
        double learningRate = TrainingGenes.learningRate(genome);
        List<Pass> criticPasses = AdversarialPasses.criticUpdate(
                GENERATOR, generator, criticName, critic, latents, samples, gradientPenalty);
        List<Update> updates = new ArrayList<>();
        for (int i = 0; i < criticUpdates; i++) {
            updates.add(new Update(criticName, criticName, criticPasses, criticLoss));
        }
        updates.add(new Update(
                GENERATOR,
                GENERATOR,
                AdversarialPasses.generatorUpdate(GENERATOR, generator, criticName, critic, latents, samples),
                generatorLoss));
        return new TrainingRecipe(
                TrainingGenes.steps(genome),
                List.of(
                        new ParameterGroup(GENERATOR, learningRate, beta1, beta2, generator),
                        new ParameterGroup(criticName, learningRate, beta1, beta2, critic)),
                updates,
                criticName);
    }
}
