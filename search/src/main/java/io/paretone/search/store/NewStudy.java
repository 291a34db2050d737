package io.paretone.search.store;

import java.util.List;

/**
 * What a new study is stored with.
 *
 * @param objectives objective names, in the order of every objective vector of the study
 * @param boundsJson the fixed bounds that normalise objectives for the hypervolume
 * @param settingsJson the settings that define the study; a resumed run must match them
 * @param launchJson how the study was launched (the command's config), so that it can be resumed
 *     by name alone; may be null
 */
public record NewStudy(
        String name,
        String algorithm,
        String family,
        long seed,
        List<String> objectives,
        String boundsJson,
        String settingsJson,
        String launchJson) {}
