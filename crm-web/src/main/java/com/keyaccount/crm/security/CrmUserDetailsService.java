package com.keyaccount.crm.security;

import com.keyaccount.crm.user.application.SignInAccounts;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Spring Security's view of an account; the account itself comes from the domain. */
@Service
@RequiredArgsConstructor
class CrmUserDetailsService implements UserDetailsService {

    private final SignInAccounts accounts;

    @Override
    public UserDetails loadUserByUsername(String username) {
        return accounts.find(username)
                .map(CrmUser::of)
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }
}
