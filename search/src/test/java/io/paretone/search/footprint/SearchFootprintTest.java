package io.paretone.search.footprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paretone.evaluators.energy.CarbonAccounting;
import io.paretone.evaluators.energy.EnergyMeter;
import org.junit.jupiter.api.Test;

class SearchFootprintTest {
    private static final double KWH = 3.6e6;

    @Test
    void totalIsCandidatesFailedOnesIncludedPlusOverhead() {
        CounterMeter meter = new CounterMeter();
        SearchFootprint footprint = SearchFootprint.start(meter, new CarbonAccounting(0.5, 1.2));
        meter.joules += 5 * KWH; // data and calibration
        EnergyMeter.Window first = footprint.candidateStarted();
        meter.joules += 10 * KWH;
        footprint.charge(1, "COMPLETE", first);
        meter.joules += 2 * KWH; // NSGA-II between candidates
        EnergyMeter.Window second = footprint.candidateStarted();
        meter.joules += 4 * KWH;
        footprint.charge(2, "FAILED", second);
        meter.joules += 1 * KWH; // writing results

        FootprintSummary s = footprint.finish();
        assertEquals(22 * KWH, s.total().joules(), 1e-6);
        assertEquals(14 * KWH, s.candidatesJoules(), 1e-6);
        assertEquals(1, s.failedCount());
        assertEquals(4 * KWH, s.failedJoules(), 1e-6);
        assertEquals(8 * KWH, s.overheadJoules(), 1e-6);
        // kg = kWh x 0.5 kg/kWh x PUE 1.2
        assertEquals(22 * 0.5 * 1.2, s.totalKgCo2e(), 1e-9);
        assertEquals(8 * 0.5 * 1.2, s.overheadKgCo2e(), 1e-9);
        assertEquals(4 * 0.5 * 1.2, s.candidates().get(1).kgCo2e(), 1e-9);

        ObjectNode json = s.totals(new CarbonBudget(100, () -> 0), 0).toJson();
        assertEquals(22.0, json.get("total_kwh").asDouble(), 1e-9);
        assertEquals(2, json.get("candidates_charged").asInt());
        assertEquals(4 * KWH, json.get("failed_candidates_joules").asDouble(), 1e-6);
        assertEquals(100, json.get("carbon_budget_kg").asDouble());
        assertTrue(s.totals(CarbonBudget.unlimited(), 0)
                .toJson()
                .get("carbon_budget_kg")
                .isNull());

        String[] csv = s.csv().split("\n");
        assertEquals(5, csv.length, s.csv());
        assertTrue(csv[2].startsWith("candidate,2,FAILED,"), csv[2]);
        assertTrue(csv[3].startsWith("overhead,,,,2.88000e+07,4.80000,"), csv[3]);
        assertTrue(csv[4].startsWith("total,,,"), csv[4]);
    }

    @Test
    void runningTotalIncludesTheOverheadSoFar() {
        CounterMeter meter = new CounterMeter();
        SearchFootprint footprint = SearchFootprint.start(meter, new CarbonAccounting(0.5, 1.0));
        meter.joules += 3 * KWH;
        assertEquals(1.5, footprint.kgCo2eSoFar(), 1e-9);
        EnergyMeter.Window w = footprint.candidateStarted();
        meter.joules += 1 * KWH;
        assertEquals(2.0, footprint.kgCo2eSoFar(), 1e-9, "a candidate in flight counts too");
        footprint.charge(1, "COMPLETE", w);
    }
}
