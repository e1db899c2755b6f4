package com.keyaccount.crm.prospect;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyaccount.crm.prospect.rules.CloseClass;
import com.keyaccount.crm.prospect.rules.ProspectLadder;
import com.keyaccount.crm.prospect.rules.SeedLadder;
import org.junit.jupiter.api.Test;

class LadderJsonTest {

    @Test
    void aLadderReadsBackAsStoredWithItsChineseTexts() {
        LadderJson json = new LadderJson();
        ProspectLadder seed = SeedLadder.ladder();

        String stored = json.convertToDatabaseColumn(seed);
        ProspectLadder read = json.convertToEntityAttribute(stored);

        assertThat(read).isEqualTo(seed);
        assertThat(stored).contains("意向级").hasSizeLessThan(30000);
        assertThat(read.cadenceDays(CloseClass.A)).isEqualTo(1);
    }
}
