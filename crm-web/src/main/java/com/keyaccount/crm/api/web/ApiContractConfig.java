package com.keyaccount.crm.api.web;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem.HttpMethod;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The ERP API's contract as springdoc generates it from the controllers of this package: what
 * the API is, its bearer token, and the errors every route can answer (each a {@link Problem}),
 * added here once rather than on every method. docs/openapi.yaml is the committed copy.
 */
@Configuration(proxyBeanMethods = false)
class ApiContractConfig {

    private static final String PROBLEM = "Problem";
    private static final String DESCRIPTION = """
            Push orders and payments and record complaints from the ERP or a service desk, and read customers' \
            tiers. Every request carries a token an admin issued (Admin → API tokens): `Authorization: Bearer \
            crm_…`. A missing, unknown or revoked token answers 401.

            Every error is a problem (RFC 9457, `application/problem+json`): `status`, `title`, `detail` and, \
            for a request refused as a whole (400, nothing written), `errors` listing every problem by order \
            `index` and `field` with a `reason` code to act on. Each token may send a number of requests a \
            second (after a burst); past that the answer is 429 with `Retry-After` in seconds.""";

    @Bean
    OpenAPI erpApi() {
        return new OpenAPI()
                .info(new Info().title("Key-account CRM — ERP API").version("1").description(DESCRIPTION))
                .servers(List.of(new Server().url("/")))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    /** The answers any route may give besides its own, as shared responses each operation refers to. */
    @Bean
    OpenApiCustomizer sharedErrors() {
        return openApi -> {
            Components components = openApi.getComponents();
            ModelConverters.getInstance().read(Problem.class).forEach(components::addSchemas);
            Map<String, ApiResponse> always = new LinkedHashMap<>();
            always.put("401", shared(components, "Unauthorized", "No token, or one unknown or revoked.",
                    "WWW-Authenticate", "Bearer"));
            always.put("403", shared(components, "Forbidden", "Only an API token may use the API.", null, null));
            always.put("429", shared(components, "TooManyRequests", "Too many requests for this token; nothing was "
                    + "done. Send again after Retry-After seconds.", "Retry-After", null));
            always.put("500", shared(components, "ServerError", "The server failed; sending the request again is safe.",
                    null, null));
            always.put("503", shared(components, "Unavailable", "The database cannot be reached; try again after "
                    + "Retry-After seconds.", "Retry-After", null));
            Map<String, ApiResponse> withBody = new LinkedHashMap<>();
            withBody.put("409", shared(components, "Conflict", "A change to the same records made at the same time "
                    + "conflicted; nothing was written. Send the request again.", null, null));
            withBody.put("411", shared(components, "LengthRequired", "The body came without a Content-Length.", null,
                    null));
            withBody.put("413", shared(components, "TooLarge", "The body is larger than the API takes (8 MB by "
                    + "default); nothing was read.", null, null));
            withBody.put("415", shared(components, "UnsupportedMediaType", "The body is not application/json.", null,
                    null));
            openApi.getPaths().values().forEach(path -> path.readOperationsMap().forEach((method, operation) -> {
                always.forEach((code, response) -> refer(operation, code, response));
                if (method == HttpMethod.POST || method == HttpMethod.PUT) {
                    withBody.forEach((code, response) -> refer(operation, code, response));
                }
            }));
        };
    }

    private static ApiResponse shared(Components components, String name, String description, String header,
            String example) {
        ApiResponse response = new ApiResponse().description(description).content(new Content().addMediaType(
                ApiProblems.PROBLEM_JSON.toString(), new MediaType().schema(new Schema<>().$ref(
                        "#/components/schemas/" + PROBLEM))));
        if (header != null) {
            Schema<?> schema = "Retry-After".equals(header) ? new IntegerSchema().description("seconds")
                    : new StringSchema().example(example);
            response.addHeaderObject(header, new Header().schema(schema));
        }
        components.addResponses(name, response);
        return new ApiResponse().$ref("#/components/responses/" + name);
    }

    private static void refer(Operation operation, String code, ApiResponse response) {
        if (!operation.getResponses().containsKey(code)) {
            operation.getResponses().addApiResponse(code, response);
        }
    }
}
