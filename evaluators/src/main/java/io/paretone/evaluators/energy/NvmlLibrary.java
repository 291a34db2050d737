package io.paretone.evaluators.energy;

import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * The few functions of NVIDIA's management library (libnvidia-ml, part of every NVIDIA driver)
 * that paretone calls, bound through JNA. Each returns an nvmlReturn_t; 0 is success. Signatures
 * follow nvml.h; units are NVML's: milliwatts and millijoules.
 */
interface NvmlLibrary extends Library {
    int SUCCESS = 0;
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

    /** nvmlMemory_t: three unsigned 64-bit byte counts, total, free and used. */
    int nvmlDeviceGetMemoryInfo(Pointer device, long[] totalFreeUsed);

    String nvmlErrorString(int result);
}
