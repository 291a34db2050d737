package io.paretone.evaluators.energy;

import io.paretone.spaces.check.InvalidValueException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * National grid carbon intensities shipped with paretone ({@code grid-intensity.tsv}: Our World in
 * Data / Ember, 2021; the file states its source), looked up by ISO 3166 country code.
 */
public final class GridIntensities {
    private static final String RESOURCE = "grid-intensity.tsv";

    /**
     * @param iso2 two-letter ISO 3166 code
     * @param iso3 three-letter ISO 3166 code
     * @param kgPerKwh kgCO2e per kWh generated
     * @param year the year the figure describes
     */
    public record GridIntensity(String iso2, String iso3, String country, double kgPerKwh, int year) {
        /** Where the figure came from, for the study's records. */
        public String source() {
            return String.format(
                    Locale.ROOT, "%s (%s) %d national average, Our World in Data / Ember", country, iso2, year);
        }
    }

    private final List<GridIntensity> rows;

    GridIntensities(List<GridIntensity> rows) {
        this.rows = List.copyOf(rows);
    }

    public static GridIntensities shipped() {
        try (InputStream in = GridIntensities.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the paretone jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<GridIntensity> rows = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("iso2\t")) {
                    continue;
                }
                String[] f = line.split("\t");
                rows.add(new GridIntensity(f[0], f[1], f[2], Double.parseDouble(f[3]) / 1000, Integer.parseInt(f[4])));
            }
            return new GridIntensities(rows);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + RESOURCE, e);
        }
    }

    public List<GridIntensity> all() {
        return rows;
    }

    /** The country with this two- or three-letter code, in any case. */
    public Optional<GridIntensity> find(String code) {
        String c = code.trim().toUpperCase(Locale.ROOT);
        return rows.stream()
                .filter(r -> r.iso2().equals(c) || r.iso3().equals(c))
                .findFirst();
    }

    /** @throws InvalidValueException naming some known codes when the code is not in the table */
    public GridIntensity require(String code) {
        return find(code)
                .orElseThrow(() -> new InvalidValueException(
                        "region",
                        code,
                        String.format(
                                Locale.ROOT,
                                "use an ISO 3166 country code from the shipped table of %d countries (such as DE, FR, US, CN, IN),"
                                        + " or give the grid's intensity with --carbon-intensity KG_PER_KWH",
                                rows.size())));
    }
}
