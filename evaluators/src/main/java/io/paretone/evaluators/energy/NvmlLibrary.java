package io.paretone.evaluators.energy;

import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * The few functions of NVIDIA's management library (libnvidia-ml, part of every NVIDIA driver)
 * that paretone calls, bound through JNA. Each returns an nvmlReturn_t; 0 is success. Signatures
 * follow nvml.h; units are NVML's: milliwatts and millijoules. JNA binds each method by its name,
 * so the names are the C functions' own ({@code _v2} suffixes included).
 */
@SuppressWarnings("checkstyle:MethodName")
interface NvmlLibrary extends Library {
    int SUCCESS = 0;
    int ERROR_NOT_FOUND = 6;
    int ERROR_INSUFFICIENT_SIZE = 7;
    int NAME_BUFFER = 96;
    int UUID_BUFFER = 96;
    int DRIVER_VERSION_BUFFER = 80;

    int nvmlInit_v2();

    int nvmlSystemGetDriverVersion(byte[] version, int length);

    int nvmlDeviceGetCount_v2(IntByReference count);

    int nvmlDeviceGetHandleByIndex_v2(int index, PointerByReference device);

    int nvmlDeviceGetName(Pointer device, byte[] name, int length);

    int nvmlDeviceGetUUID(Pointer device, byte[] uuid, int length);

    /** Energy in mJ since the driver was last loaded; Volta and later. */
    int nvmlDeviceGetTotalEnergyConsumption(Pointer device, LongByReference millijoules);

    /** Power draw in mW (on recent GPUs an average over about a second). */
    int nvmlDeviceGetPowerUsage(Pointer device, IntByReference milliwatts);

    int nvmlDeviceGetEnforcedPowerLimit(Pointer device, IntByReference milliwatts);

    /**
     * Per-process utilisation samples since {@code lastSeenTimeStamp} (microseconds): an array of
     * nvmlProcessUtilizationSample_t (pid, timeStamp, smUtil, memUtil, encUtil, decUtil; 32 bytes).
     * With a null buffer it sets the count needed and returns INSUFFICIENT_SIZE.
     */
    int nvmlDeviceGetProcessUtilization(
            Pointer device, Pointer utilization, IntByReference count, long lastSeenTimeStamp);

    /**
     * Compute processes and their used GPU memory: an array of nvmlProcessInfo_v2_t (pid,
     * usedGpuMemory, gpuInstanceId, computeInstanceId; 24 bytes).
     */
    int nvmlDeviceGetComputeRunningProcesses_v2(Pointer device, IntByReference count, Pointer infos);

    /** nvmlUtilization_t: percent of the last sample period the GPU was busy, and its memory. */
    int nvmlDeviceGetUtilizationRates(Pointer device, Pointer utilization);

    /** nvmlMemory_t: total, free and used bytes, three unsigned 64-bit values. */
    int nvmlDeviceGetMemoryInfo(Pointer device, Pointer memory);

    String nvmlErrorString(int result);
}
