package io.paretone.experiments.cli;

import io.paretone.experiments.config.StudySchema;
import picocli.CommandLine.Option;

/** {@code --allow-download}, for the commands that load PyTorch for a device: route 1 of the README's section GPU. */
public final class AllowDownloadOption {
    @Option(names = "--allow-download", description = StudySchema.ALLOW_DOWNLOAD_HELP + ".")
    Boolean given;
}
