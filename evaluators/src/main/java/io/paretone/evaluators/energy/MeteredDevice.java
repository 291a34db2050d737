package io.paretone.evaluators.energy;

import java.util.Locale;

/**
 * A piece of hardware that a reading covers, with what is known of its power, so that any energy
 * figure can be traced to the device that drew it.
 *
 * @param kind {@code cpu}, {@code gpu} or {@code ram}
 * @param name the device as the system names it ("NVIDIA H100 80GB HBM3", "AMD EPYC 7763 ...")
 * @param powerLimitWatts the enforced power limit (GPU), TDP or RAPL long-term limit (CPU); NaN
 *     when unknown
 * @param driverVersion the driver that reported it, or null
 */
public record MeteredDevice(String kind, String name, double powerLimitWatts, String driverVersion) {

    /** One line: the name, then the power limit and driver where known. */
    public String describe() {
        StringBuilder s = new StringBuilder(name);
        if (!Double.isNaN(powerLimitWatts) || driverVersion != null) {
            s.append(" (");
            if (!Double.isNaN(powerLimitWatts)) {
                s.append(String.format(
                        Locale.ROOT, "%s %.0f W", kind.equals("gpu") ? "power limit" : "TDP", powerLimitWatts));
            }
            if (driverVersion != null) {
                s.append(Double.isNaN(powerLimitWatts) ? "" : ", ")
                        .append("driver ")
                        .append(driverVersion);
            }
            s.append(')');
        }
        return s.toString();
    }
}
