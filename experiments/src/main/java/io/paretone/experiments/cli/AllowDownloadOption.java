package io.paretone.experiments.cli;

import picocli.CommandLine.Option;

/** {@code --allow-download}, for the commands that load PyTorch for a device: route 1 of the README's section GPU. */
public final class AllowDownloadOption {
    @Option(names = "--allow-download", description = "Let DJL download its CUDA build of PyTorch when a GPU is asked"
            + " for; paretone is offline otherwise (README, section GPU).")
    Boolean given;
}
