package io.paretone.spaces.runtime;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import java.nio.FloatBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Float32 scalars kept on each device for the JVM's life, for arithmetic with constants.
 *
 * <p>DJL's {@code NDArray.mul(Number)} and its kind create their number as a new array at every
 * call, on the array's device: on a GPU that is a blocking host-to-device copy, which waits for
 * every kernel queued before it (and a float64 array for a Java double). A loss or block that
 * multiplies by a constant each step therefore stalls the device each step. Losses and blocks use
 * {@code x.mul(DeviceConstants.of(x, 0.5f))} instead: the scalar is uploaded once per device and
 * value. Constant arrays (windows, masks) are kept the same way, by content. Few distinct constants
 * exist (tens, a few kB each), so they are never freed.
 */
public final class DeviceConstants {
    private record Key(Device device, float value) {}

    /** A constant array by device, shape and content (a float buffer compares its remaining values). */
    private record ArrayKey(Device device, Shape shape, FloatBuffer values) {}

    private static final Map<Key, NDArray> SCALARS = new ConcurrentHashMap<>();
    private static final Map<ArrayKey, NDArray> ARRAYS = new ConcurrentHashMap<>();
    private static final Map<Key, NDArray> IDENTITIES = new ConcurrentHashMap<>();
    private static final Map<Device, NDManager> MANAGERS = new ConcurrentHashMap<>();

    private DeviceConstants() {}

    /** {@code value} as a float32 scalar on {@code device}, uploaded at its first use only. */
    public static NDArray of(Device device, float value) {
        return SCALARS.computeIfAbsent(
                new Key(device, value), k -> kept(manager(device).create(value)));
    }

    /**
     * {@code values} as a float32 array of {@code shape} on {@code device}, uploaded the first time
     * these values and shape are asked for there; {@code values} is copied, the caller may reuse it.
     */
    public static NDArray of(Device device, float[] values, Shape shape) {
        NDArray known = ARRAYS.get(new ArrayKey(device, shape, FloatBuffer.wrap(values)));
        if (known != null) {
            return known;
        }
        // The key kept holds a copy: the caller may change its array after.
        float[] copy = values.clone();
        return ARRAYS.computeIfAbsent(
                new ArrayKey(device, shape, FloatBuffer.wrap(copy)),
                k -> kept(manager(device).create(copy, shape)));
    }

    /**
     * The float32 identity matrix of size {@code n} on {@code device}, made there at its first use
     * only (keyed by size, where {@link #of(Device, float[], Shape)} would hash n x n values per call).
     */
    public static NDArray identity(Device device, int n) {
        return IDENTITIES.computeIfAbsent(
                new Key(device, n), k -> kept(manager(device).eye(n)));
    }

    private static NDManager manager(Device device) {
        return MANAGERS.computeIfAbsent(device, NDManager::newBaseManager);
    }

    /** Made perhaps inside a step's scope, which would close it at the step's end. */
    private static NDArray kept(NDArray a) {
        NDScope.unregister(a);
        return a;
    }

    /** {@code value} as a float32 scalar on {@code like}'s device. */
    public static NDArray of(NDArray like, float value) {
        return of(like.getDevice(), value);
    }
}
