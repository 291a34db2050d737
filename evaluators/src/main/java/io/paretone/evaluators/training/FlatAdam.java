package io.paretone.evaluators.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import java.util.List;

/**
 * One parameter group's Adam, run as a single update over one flat buffer instead of one update
 * per parameter (DJL's Adam is about 11 kernels per array it updates: a 30-layer WaveNet has about
 * 250 parameter arrays).
 *
 * <p>The group's parameters are copied once into one flat float32 array on their device, and each
 * parameter's array is re-pointed ({@link NDArray#intern}) at a view of its slice: the
 * {@link Parameter} keeps the same Java array, which the blocks, the parameter store, the samplers
 * and the counters read as before, while its values live in the flat buffer. Each update joins the
 * parameters' gradients into one flat gradient (a parameter without one contributes zeros, as
 * DJL's per-parameter Adam sees it), and DJL's own Adam updates the flat buffer in place under one
 * parameter id, so the arithmetic is DJL's, element for element.
 *
 * <p>Gradients are dropped rather than zeroed: each parameter is re-pointed at a fresh alias of
 * the same storage, which has no gradient yet, so the next backward pass stores its gradient
 * instead of adding it to zeros (no kernel at all, where zeroing costs two per parameter: the
 * zeroing and the addition).
 */
final class FlatAdam implements AutoCloseable {
    private final String id;
    private final List<Parameter> parameters;
    private final Optimizer adam;
    private final NDArray flat;

    /**
     * Moves the parameters' values into one flat buffer; call after the block is initialised on its
     * device, before any training step.
     *
     * @param id the optimiser's name for the flat buffer (its moments are kept under it)
     * @param parameters the group's trainable parameters, all float32 on one device
     */
    FlatAdam(String id, List<Parameter> parameters, Optimizer adam) {
        this.id = id;
        this.parameters = List.copyOf(parameters);
        this.adam = adam;
        this.flat = parameters.isEmpty() ? null : flatten(this.parameters);
    }

    private static NDArray flatten(List<Parameter> parameters) {
        NDArray flat;
        try (NDList flattened = new NDList()) {
            for (Parameter p : parameters) {
                NDArray w = p.getArray();
                if (w.getDataType() != DataType.FLOAT32
                        || !w.getDevice().equals(parameters.get(0).getArray().getDevice())) {
                    throw new IllegalStateException("parameter " + p.getName() + " is " + w.getDataType() + " on "
                            + w.getDevice() + "; a parameter group must be float32 on one device");
                }
                flattened.add(w.reshape(-1));
            }
            flat = NDArrays.concat(flattened);
        }
        long offset = 0;
        for (Parameter p : parameters) {
            NDArray w = p.getArray();
            long size = w.size();
            try (NDArray slice = flat.get(new NDIndex().addSliceDim(offset, offset + size))) {
                w.intern(slice.reshape(w.getShape()));
            }
            // The view is a fresh tensor: it does not yet require a gradient.
            w.setRequiresGradient(true);
            offset += size;
        }
        return flat;
    }

    /** One Adam update of the whole group from the gradients its parameters hold now. */
    void update() {
        if (flat == null) {
            return;
        }
        NDArray gradient;
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDList flattened = new NDList(parameters.size());
            for (Parameter p : parameters) {
                // DJL gives zeros for a parameter without a gradient.
                flattened.add(p.getArray().getGradient().reshape(-1));
            }
            gradient = NDArrays.concat(flattened);
            NDScope.unregister(gradient);
        }
        // Outside the scope: Adam makes its moment arrays at the first update, and they must stay.
        try (gradient) {
            adam.update(id, flat, gradient);
        }
    }

    /** Drops the gradients of every parameter of the group: the next backward pass starts them afresh. */
    void dropGradients() {
        for (Parameter p : parameters) {
            NDArray w = p.getArray();
            w.intern(w.stopGradient());
            w.setRequiresGradient(true);
        }
    }

    /**
     * Frees this object's handle on the flat buffer; the parameters' views keep its storage alive
     * for as long as the model lives.
     */
    @Override
    public void close() {
        if (flat != null) {
            flat.close();
        }
    }
}
