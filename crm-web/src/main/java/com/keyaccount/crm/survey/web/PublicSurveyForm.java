package com.keyaccount.crm.survey.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import lombok.Getter;
import lombok.Setter;

/** The customer's answers on the public page: nothing but one field per question. */
@Getter
@Setter
public class PublicSurveyForm {

    @Valid
    @Size(max = 50)
    private List<SatisfactionForm.AnswerField> answers = new ArrayList<>();
}
