package com.keyaccount.crm.auditlog.web;

import com.keyaccount.crm.exporting.ExportKind;
import com.keyaccount.crm.exporting.ExportRows;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Component;

/**
 * The audit log export in the words of the audit log page: actions, record types, field names
 * (which depend on the record type) and stored values (which depend on the field).
 */
@Component
class AuditExportRows implements ExportRows {

    private final AuditText text;

    AuditExportRows(AuditText text) {
        this.text = text;
    }

    @Override
    public String export() {
        return ExportKind.AUDIT.slug();
    }

    @Override
    public List<Object> word(List<String> columns, List<Object> cells) {
        List<Object> worded = new ArrayList<>(cells);
        String entity = text(cells, columns.indexOf("entity_type"));
        String field = text(cells, columns.indexOf("field"));
        set(worded, columns.indexOf("action"), text::action);
        set(worded, columns.indexOf("entity_type"), text::entity);
        set(worded, columns.indexOf("field"), code -> entity == null ? code : text.field(entity, code));
        set(worded, columns.indexOf("old_value"), stored -> text.value(field, stored));
        set(worded, columns.indexOf("new_value"), stored -> text.value(field, stored));
        return worded;
    }

    private static String text(List<Object> cells, int at) {
        return at < 0 || cells.get(at) == null ? null : cells.get(at).toString();
    }

    private static void set(List<Object> cells, int at, UnaryOperator<String> words) {
        String stored = text(cells, at);
        if (stored != null) {
            cells.set(at, words.apply(stored));
        }
    }
}
