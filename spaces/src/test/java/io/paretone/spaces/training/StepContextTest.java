package io.paretone.spaces.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import io.paretone.spaces.runtime.DeviceConstants;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

class StepContextTest {
    /** A context whose only abstract method in use is {@link StepContext#scalar}; defaults run as written. */
    private static StepContext context() {
        InvocationHandler h = (proxy, method, args) -> {
            if (method.isDefault()) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            if (method.getName().equals("scalar")) {
                return DeviceConstants.of(Device.cpu(), (Float) args[0]);
            }
            throw new UnsupportedOperationException(method.getName());
        };
        return (StepContext)
                Proxy.newProxyInstance(StepContext.class.getClassLoader(), new Class<?>[] {StepContext.class}, h);
    }

    @Test
    void clipClampsWithTheGradientOfAClampBoundsIncludedAndKeepsNaN() {
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            NDArray x = m.create(new float[] {-12f, -10f, -3f, 0f, 10f, 11f, Float.NaN});
            x.setRequiresGradient(true);
            float[] y;
            try (GradientCollector c = Engine.getInstance().newGradientCollector()) {
                NDArray clipped = context().clip(x, -10, 10);
                y = clipped.toFloatArray();
                c.backward(clipped.get("0:6").sum());
            }
            assertArrayEquals(new float[] {-10f, -10f, -3f, 0f, 10f, 10f}, java.util.Arrays.copyOf(y, 6));
            assertTrue(Float.isNaN(y[6]), "NaN stays NaN");
            // torch.clamp's gradient: 1 where low <= x <= high, 0 outside (the NaN is left out of the sum).
            assertArrayEquals(
                    new float[] {0f, 1f, 1f, 1f, 1f, 0f, 0f}, x.getGradient().toFloatArray());
        }
    }
}
