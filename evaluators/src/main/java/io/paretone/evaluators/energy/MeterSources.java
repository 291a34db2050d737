package io.paretone.evaluators.energy;

import java.util.List;

/**
 * Where {@link MeterSelection} gets its meters and the facts of the machine: this machine in
 * production, fakes in tests.
 */
public interface MeterSources {
    EnergyMeter rapl();

    /** The NVML meter of the GPUs behind these CUDA device indices. */
    NvmlEnergyMeter nvml(List<Integer> cudaIndices);

    CpuInfo cpu();

    TdpTable tdp();

    /** Logical CPUs this process may use. */
    int availableProcessors();

    /** This machine; GPU counters are read after {@code sync}. */
    static MeterSources local(DeviceSync sync) {
        return new MeterSources() {
            @Override
            public EnergyMeter rapl() {
                return new RaplEnergyMeter();
            }

            @Override
            public NvmlEnergyMeter nvml(List<Integer> cudaIndices) {
                return NvmlEnergyMeter.forCudaDevices(cudaIndices, sync);
            }

            @Override
            public CpuInfo cpu() {
                return CpuInfo.local();
            }

            @Override
            public TdpTable tdp() {
                return TdpTable.shipped();
            }

            @Override
            public int availableProcessors() {
                return Runtime.getRuntime().availableProcessors();
            }
        };
    }
}
