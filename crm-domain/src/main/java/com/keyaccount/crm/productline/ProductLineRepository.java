package com.keyaccount.crm.productline;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

/** Reads product lines; {@code ProductLines} is the only writer. */
public interface ProductLineRepository extends Repository<ProductLine, Long> {

    List<ProductLine> findAllByOrderByCodeAsc();

    Optional<ProductLine> findById(Long id);

    Optional<ProductLine> findByCode(String code);
}
