-- What the figures kept in each instance's memory were computed from (issue 21). An instance
-- keeps a dashboard overview, funnel or churn count for crm.dashboard.cache-seconds under the
-- version it read; a change that moves those figures (a tier recompute or pin, a customer
-- changed) adds one once it is committed, and every instance's next request reads the new number
-- (one primary-key read) and computes afresh. Written by dashboard.application.FigureVersion only.
CREATE TABLE data_version (
    name     VARCHAR(40) NOT NULL,
    version  BIGINT      NOT NULL,
    CONSTRAINT pk_data_version PRIMARY KEY (name)
);

INSERT INTO data_version (name, version) VALUES ('figures', 0);
