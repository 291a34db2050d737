package io.paretone.evaluators.energy;

/** A GPU with a settable energy counter and power, for the NVML meter's tests. */
class FakeGpu implements GpuPowerSource {
    private final int index;
    private final boolean counter;
    volatile double joules = 1_000;
    volatile double watts = 150;

    FakeGpu(int index, boolean counter) {
        this.index = index;
        this.counter = counter;
    }

    @Override
    public int index() {
        return index;
    }

    @Override
    public String name() {
        return "Fake GPU " + index;
    }

    @Override
    public double powerLimitWatts() {
        return 300;
    }

    @Override
    public String driverVersion() {
        return "1.2.3";
    }

    @Override
    public boolean hasEnergyCounter() {
        return counter;
    }

    @Override
    public double totalEnergyJoules() {
        if (!counter) {
            throw new IllegalStateException("this fake has no energy counter");
        }
        return joules;
    }

    @Override
    public double powerWatts() {
        return watts;
    }
}
