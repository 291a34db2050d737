package io.paretone.evaluators.cost;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.recurrent.GRU;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.nn.recurrent.RNN;
import ai.djl.nn.recurrent.RecurrentBlock;
import ai.djl.util.Pair;

/**
 * FLOPs of DJL's LSTM, GRU and RNN blocks, read from their initialised parameters
 * ({@code l_0_i2h_WEIGHT} is [gates x H, I], {@code l_0_h2h_WEIGHT} [gates x H, H]; one set per
 * layer and direction), because the blocks keep their sizes private. Per time step and batch row,
 * each layer and direction costs 2 x (numel(i2h) + numel(h2h)) for the products, numel of its
 * bias vectors, gates x H additions joining the two products, and the cell's element-wise work.
 */
final class RecurrentFlops {
    /** Element-wise FLOPs per state unit after the gates are computed: see {@link FlopCounter}. */
    static final int LSTM_CELL = 9;

    static final int GRU_CELL = 8;
    static final int RNN_CELL = 1;

    private RecurrentFlops() {}

    /** @param input [N, T, C] (batch first) or [T, N, C]: N x T rows either way */
    static long of(RecurrentBlock block, Shape input) {
        long rows = input.get(0) * input.get(1);
        long perRow = 0;
        for (Pair<String, Parameter> p : block.getDirectParameters()) {
            Shape shape = FlopCounter.initialisedShape(block, p.getKey());
            String name = p.getKey();
            if (name.endsWith("_WEIGHT")) {
                perRow += 2 * shape.size();
            } else {
                perRow += shape.size();
            }
            if (name.endsWith("_h2h_WEIGHT")) {
                long gateUnits = shape.get(0);
                long stateSize = shape.get(1);
                perRow += gateUnits + stateSize * cell(block);
            }
        }
        return rows * perRow;
    }

    private static int cell(RecurrentBlock block) {
        if (block instanceof LSTM) {
            return LSTM_CELL;
        }
        if (block instanceof GRU) {
            return GRU_CELL;
        }
        if (block instanceof RNN) {
            return RNN_CELL;
        }
        throw new UncountableLayerException(
                block.getClass(),
                "only DJL's LSTM, GRU and RNN cells have a rule;" + " implement FlopCountable in this recurrent block");
    }
}
