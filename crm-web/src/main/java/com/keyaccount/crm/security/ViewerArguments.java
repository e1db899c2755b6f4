package com.keyaccount.crm.security;

import com.keyaccount.crm.org.Scopes;
import com.keyaccount.crm.user.Viewer;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Hands controllers the signed-in user as a {@link Viewer} method argument (null when nobody is
 * signed in), so no controller needs to know how Spring Security holds the user.
 */
@Configuration(proxyBeanMethods = false)
class ViewerArguments implements WebMvcConfigurer, HandlerMethodArgumentResolver {

    private static final String RESOLVED = ViewerArguments.class.getName() + ".viewer";

    private final Scopes scopes;

    ViewerArguments(Scopes scopes) {
        this.scopes = scopes;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Viewer.class;
    }

    @Override
    public Viewer resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
            NativeWebRequest request, WebDataBinderFactory binders) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof CrmUser user)) {
            return null;
        }
        // whose books the user sees follows the organisation as it is now, not as at sign-in
        Object resolved = request.getAttribute(RESOLVED, RequestAttributes.SCOPE_REQUEST);
        if (resolved instanceof Viewer viewer && viewer.userId() == user.id()) {
            return viewer;
        }
        Viewer viewer = scopes.resolve(user.viewer());
        request.setAttribute(RESOLVED, viewer, RequestAttributes.SCOPE_REQUEST);
        return viewer;
    }
}
