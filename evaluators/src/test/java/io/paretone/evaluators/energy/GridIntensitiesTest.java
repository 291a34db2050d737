package io.paretone.evaluators.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretone.spaces.check.InvalidValueException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class GridIntensitiesTest {
    private static final List<String> EU_27 = List.of(
            "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU",
            "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE");
    /** The 30 largest emitters of fossil CO2 in 2021 (Global Carbon Project), largest first. */
    private static final List<String> TOP_30_EMITTERS = List.of(
            "CN", "US", "IN", "RU", "JP", "IR", "DE", "SA", "ID", "KR", "CA", "BR", "TR", "ZA", "MX", "AU", "GB", "VN",
            "IT", "PL", "FR", "KZ", "TW", "TH", "MY", "EG", "ES", "PK", "AE", "IQ");

    private final GridIntensities grid = GridIntensities.shipped();

    @Test
    void everyEuCountryAndTheThirtyLargestEmittersAreThere() {
        assertEquals(27, EU_27.size());
        assertEquals(30, TOP_30_EMITTERS.size());
        for (String code : EU_27) {
            assertTrue(grid.find(code).isPresent(), code);
        }
        for (String code : TOP_30_EMITTERS) {
            assertTrue(grid.find(code).isPresent(), code);
        }
    }

    @Test
    void figuresAreTheSourcesForTheirYear() {
        // Our World in Data / Ember, 2021, gCO2e/kWh: France 67.39, Poland 660.122, Germany 365.477.
        assertEquals(0.0674, grid.require("FR").kgPerKwh(), 1e-9);
        assertEquals(0.6601, grid.require("pl").kgPerKwh(), 1e-9);
        assertEquals(0.3655, grid.require("DEU").kgPerKwh(), 1e-9);
        assertEquals(2021, grid.require("DE").year());
        for (GridIntensities.GridIntensity g : grid.all()) {
            assertTrue(g.kgPerKwh() > 0.01 && g.kgPerKwh() < 1.0, g.toString());
            assertTrue(g.iso2().matches("[A-Z]{2}") && g.iso3().matches("[A-Z]{3}"), g.toString());
        }
    }

    @Test
    void fileStatesItsSourceAndYear() throws IOException {
        try (InputStream in = GridIntensities.class.getResourceAsStream("grid-intensity.tsv")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(text.contains("Our World in Data") && text.contains("Ember") && text.contains("Year: 2021"));
        }
    }

    @Test
    void unknownRegionSaysWhatToDo() {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> grid.require("XX"));
        assertTrue(e.getMessage().contains("region") && e.getMessage().contains("--carbon-intensity"), e.getMessage());
    }
}
