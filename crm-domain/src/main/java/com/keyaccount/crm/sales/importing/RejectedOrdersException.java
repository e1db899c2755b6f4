package com.keyaccount.crm.sales.importing;

import com.keyaccount.crm.importing.LineError;
import java.util.List;

/** A pushed batch with bad orders: nothing was written; here is every problem. */
public class RejectedOrdersException extends RuntimeException {

    private final transient List<LineError> errors;

    public RejectedOrdersException(List<LineError> errors) {
        super(errors.size() + " problems in the pushed orders");
        this.errors = List.copyOf(errors);
    }

    public List<LineError> errors() {
        return errors;
    }
}
