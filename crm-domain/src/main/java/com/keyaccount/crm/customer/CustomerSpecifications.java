package com.keyaccount.crm.customer;

import com.keyaccount.crm.user.Viewer;
import com.keyaccount.crm.tier.CustomerLineTier;
import com.keyaccount.crm.tier.Tier;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.hibernate.query.criteria.HibernateCriteriaBuilder;
import org.springframework.data.jpa.domain.Specification;

/** Translates list filters, plus the viewer's visibility, into one WHERE clause. */
final class CustomerSpecifications {

    private CustomerSpecifications() {
    }

    static Specification<Customer> visibleMatching(Viewer viewer, CustomerCriteria c) {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            where.add(cb.isFalse(root.get("deleted")));
            if (!viewer.scope().all()) {
                where.add(OwnerPredicates.within(viewer.scope(), root.get("owner").get("id"), root.get("id"), cb));
            }
            if (c.text() != null && !c.text().isBlank()) {
                where.add(textMatches(root, query, cb, c.text().strip().toLowerCase(Locale.ROOT)));
            }
            if (c.productLineId() != null) {
                Subquery<Long> onLine = query.subquery(Long.class);
                Root<CustomerLineTier> line = onLine.from(CustomerLineTier.class);
                List<Predicate> matches = new ArrayList<>(List.of(cb.equal(line.get("customerId"), root.get("id")),
                        cb.equal(line.get("productLineId"), c.productLineId())));
                if (c.tier() != null) {
                    matches.add(cb.equal(line.get("tier"), c.tier()));
                }
                onLine.select(line.get("customerId")).where(matches.toArray(Predicate[]::new));
                where.add(cb.exists(onLine));
            } else if (c.tier() != null) {
                // the tier in force as the list's tier order keeps it (after every tier write), read
                // from its index: a page deep in the 53k C customers of 100k does not join customer_tier
                where.add(root.get("id").in(listed(query, cb, c.tier())));
            }
            if (c.place().provinceCode() != null) {
                where.add(cb.equal(root.get("place").get("provinceCode"), c.place().provinceCode()));
            }
            if (c.place().cityCode() != null) {
                where.add(cb.equal(root.get("place").get("cityCode"), c.place().cityCode()));
            }
            if (c.region() != null) {
                where.add(cb.equal(root.get("region"), c.region()));
            }
            if (c.industry() != null) {
                where.add(cb.equal(root.get("industry"), c.industry()));
            }
            if (c.ownerId() != null) {
                where.add(cb.equal(root.get("owner").get("id"), c.ownerId()));
            }
            if (c.status() != null) {
                where.add(cb.equal(root.get("status"), c.status()));
            }
            where.addAll(FocusPredicates.of(c.focus(), root, query, cb));
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    /** The customers whose tier in force is {@code tier} (none yet: NULL), from the list's tier order. */
    static Subquery<Long> listed(CriteriaQuery<?> query, CriteriaBuilder cb, Tier tier) {
        Subquery<Long> listed = query.subquery(Long.class);
        Root<ListTier> tiers = listed.from(ListTier.class);
        Predicate inTier = tier == null ? cb.isNull(tiers.get("sortTier")) : cb.equal(tiers.get("sortTier"), tier);
        return listed.select(tiers.get("customerId")).where(inTier);
    }

    /**
     * The search box: name, code, phone, a contact's name or phone, and the name's pinyin
     * initials ("njjh" finds 南京嘉禾…): the union of the customers and the contacts that match,
     * each found from the trigram indexes when the term is long enough (three characters), so
     * the database starts from the matches instead of testing every customer against the term.
     */
    private static Predicate textMatches(Root<Customer> root, CriteriaQuery<?> query, CriteriaBuilder cb,
            String term) {
        if (term.codePointCount(0, term.length()) == 2) {
            // too few for a trigram: whether the pair stands in the same fields, which an index of
            // every neighbouring pair answers on PostgreSQL (migration V55_1)
            return customerOrContact(root, query, cb,
                    self -> cb.isTrue(cb.function("customer_has_pair", Boolean.class, self.get("name"),
                            self.get("code"), self.get("phone"), self.get("nameInitials"), cb.literal(term))),
                    contact -> cb.isTrue(cb.function("contact_has_pair", Boolean.class, contact.get("name"),
                            contact.get("phone"), cb.literal(term))));
        }
        String pattern = "%" + escapeLike(term) + "%";
        return customerOrContact(root, query, cb, self -> {
            List<Predicate> any = new ArrayList<>(List.of(
                    cb.like(cb.lower(self.get("name")), pattern, '\\'),
                    cb.like(cb.lower(self.get("code")), pattern, '\\'),
                    cb.like(self.get("phone"), pattern, '\\')));
            if (NameInitials.couldBe(term)) {
                any.add(cb.like(self.get("nameInitials"), pattern, '\\'));
            }
            return cb.or(any.toArray(Predicate[]::new));
        }, contact -> cb.or(
                cb.like(cb.lower(contact.get("name")), pattern, '\\'),
                cb.like(contact.get("phone"), pattern, '\\')));
    }

    /** The customers that match themselves or through a contact: one set, so the database starts from the few matches. */
    private static Predicate customerOrContact(Root<Customer> root, CriteriaQuery<?> query, CriteriaBuilder cb,
            Function<Root<Customer>, Predicate> customerMatches, Function<Root<Contact>, Predicate> contactMatches) {
        Subquery<Long> byCustomer = query.subquery(Long.class);
        Root<Customer> self = byCustomer.from(Customer.class);
        byCustomer.select(self.get("id")).where(customerMatches.apply(self));
        Subquery<Long> byContact = query.subquery(Long.class);
        Root<Contact> contact = byContact.from(Contact.class);
        byContact.select(contact.get("customer").get("id")).where(contactMatches.apply(contact));
        return root.get("id").in(((HibernateCriteriaBuilder) cb).union(byCustomer, byContact));
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
