package io.paretone.spaces.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChoicesTest {
    @Test
    void theLastChoiceIsJoinedWithOrTheOthersWithCommas() {
        assertEquals("a", Choices.inWords(List.of("a")));
        assertEquals("a or b", Choices.inWords(List.of("a", "b")));
        assertEquals("a, b or c", Choices.inWords(List.of("a", "b", "c")));
    }
}
