package com.keyaccount.crm.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Whose books a viewer sees, and what asking for one owner's book narrows that to. */
class ScopeTest {

    @Test
    void a_supervisor_sees_their_people_and_may_narrow_to_one_of_them_but_not_to_anyone_else() {
        Scope people = Scope.of(List.of(7L, 3L, 12L));

        assertThat(people.includes(3)).isTrue();
        assertThat(people.includes(4)).isFalse();
        assertThat(people.narrowedTo(12L)).isEqualTo(Scope.own(12));
        assertThat(people.narrowedTo(4L)).as("someone else's book is not a way out").isEqualTo(people);
        assertThat(people.narrowedTo(null)).isEqualTo(people);
        assertThat(people.sql("c.owner_id")).isEqualTo("c.owner_id IN (3,7,12)");
    }

    @Test
    void queries_on_customers_read_only_the_books_of_people_who_own_customers_but_people_stay_in_scope() {
        Scope people = Scope.of(List.of(3L, 7L, 12L), List.of(7L));

        assertThat(people.sql("c.owner_id")).isEqualTo("c.owner_id = 7");
        assertThat(people.peopleSql("k.owner_id")).isEqualTo("k.owner_id IN (3,7,12)");
        assertThat(people.includes(3)).as("a new manager without customers is still theirs").isTrue();
        assertThat(Scope.of(List.of(3L), List.of()).sql("c.owner_id")).isEqualTo("FALSE");
        assertThat(people.withTeamAccounts(List.of(40L)).sql("c.owner_id", "c.id"))
                .isEqualTo("(c.owner_id = 7 OR c.id = 40)");
    }

    @Test
    void a_director_sees_everything_and_an_empty_scope_nothing() {
        assertThat(Scope.ALL.includes(99)).isTrue();
        assertThat(Scope.ALL.narrowedTo(99L)).isEqualTo(Scope.own(99));
        assertThat(Scope.ALL.sql("owner_id")).isEqualTo("TRUE");
        assertThat(Scope.own(5).sql("owner_id")).isEqualTo("owner_id = 5");
        assertThat(Scope.of(List.of()).sql("owner_id")).isEqualTo("FALSE");
    }

    @Test
    void the_roles_alone_give_a_manager_their_own_book_and_a_director_everyone() {
        assertThat(new Viewer(5, "zhang", Role.ACCOUNT_MANAGER).scope()).isEqualTo(Scope.own(5));
        assertThat(new Viewer(6, "chen", Role.REGIONAL_MANAGER).scope())
                .as("until the organisation says whom they supervise").isEqualTo(Scope.own(6));
        assertThat(new Viewer(1, "zhao", Role.SALES_DIRECTOR).scope()).isEqualTo(Scope.ALL);
        assertThat(new Viewer(6, "chen", Role.REGIONAL_MANAGER).seesOthers()).isTrue();
        assertThat(new Viewer(5, "zhang", Role.ACCOUNT_MANAGER).seesOthers()).isFalse();
    }
}
