package com.keyaccount.crm.prospect.application;

import com.keyaccount.crm.prospect.RefusalReason;

/**
 * Moves a prospect to a stage.
 *
 * @param expectedVersion the prospect's version as the user saw it; {@code null}: it had no row yet
 * @param reason          why, required for a downgrade (and kept for any move)
 * @param refusalReason   required when the target is the refusal stage (A31)
 */
public record MoveCommand(String toStage, Long expectedVersion, String reason, RefusalReason refusalReason,
        String refusalNote) {
}
