-- A service team per account (重点客户服务团队, seed 000 and issue 19): sales, customer service and
-- marketing people who share the account's information and serve it together. Members see the
-- account (its page, timeline, complaints) whoever owns it; customer service and marketing people
-- see only the accounts whose team they are on.
CREATE TABLE service_member (
    customer_id  BIGINT        NOT NULL REFERENCES customer (id),
    user_id      BIGINT        NOT NULL REFERENCES app_user (id),
    added_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    added_by     VARCHAR(64)   NOT NULL,
    CONSTRAINT pk_service_member PRIMARY KEY (customer_id, user_id)
);

-- whose teams a user is on: read at every request of a user who is not a director or admin
CREATE INDEX ix_service_member_user ON service_member (user_id, customer_id);

ALTER TABLE app_user DROP CONSTRAINT ck_app_user_role;
ALTER TABLE app_user ADD CONSTRAINT ck_app_user_role CHECK (role IN ('ACCOUNT_MANAGER', 'REGIONAL_MANAGER',
    'PROVINCE_MANAGER', 'CUSTOMER_SERVICE', 'MARKETING', 'SALES_DIRECTOR', 'ADMIN'));
