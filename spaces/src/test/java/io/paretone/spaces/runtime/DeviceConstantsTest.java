package io.paretone.spaces.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class DeviceConstantsTest {
    @Test
    void aScalarIsUploadedOnceAndIsFloat32() {
        NDArray half = DeviceConstants.of(Device.cpu(), 0.5f);
        assertSame(half, DeviceConstants.of(Device.cpu(), 0.5f));
        assertNotSame(half, DeviceConstants.of(Device.cpu(), 0.25f));
        assertEquals(DataType.FLOAT32, half.getDataType());
        assertEquals(0.5f, half.getFloat());
    }

    @Test
    void aConstantFirstMadeInsideAStepsScopeOutlivesTheScope() {
        NDArray made;
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            made = DeviceConstants.of(Device.cpu(), 1234.5f);
            DeviceConstants.of(Device.cpu(), new float[] {7, 8, 9}, new Shape(3));
        }
        assertEquals(1234.5f, made.getFloat());
        assertArrayEquals(
                new float[] {7, 8, 9},
                DeviceConstants.of(Device.cpu(), new float[] {7, 8, 9}, new Shape(3))
                        .toFloatArray());
    }

    @Test
    void arraysAreKeptByShapeAndContentNotByTheCallersBuffer() {
        float[] mask = {1, 0, 0, 1};
        NDArray identity = DeviceConstants.of(Device.cpu(), mask, new Shape(2, 2));
        mask[1] = 5; // the caller reuses its buffer
        NDArray other = DeviceConstants.of(Device.cpu(), mask, new Shape(2, 2));

        assertNotSame(identity, other);
        assertArrayEquals(new float[] {1, 0, 0, 1}, identity.toFloatArray());
        assertArrayEquals(new float[] {1, 5, 0, 1}, other.toFloatArray());
        assertSame(identity, DeviceConstants.of(Device.cpu(), new float[] {1, 0, 0, 1}, new Shape(2, 2)));
        assertNotSame(identity, DeviceConstants.of(Device.cpu(), new float[] {1, 0, 0, 1}, new Shape(4)));
    }

    @Test
    void arithmeticWithAConstantEqualsArithmeticWithTheNumber() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NDArray x = manager.create(new float[] {1.5f, -2f, 3.25f});
            assertArrayEquals(
                    x.mul(0.1).toFloatArray(),
                    x.mul(DeviceConstants.of(x, 0.1f)).toFloatArray());
            assertEquals(DataType.FLOAT32, x.mul(DeviceConstants.of(x, 0.1f)).getDataType());
        }
    }
}
