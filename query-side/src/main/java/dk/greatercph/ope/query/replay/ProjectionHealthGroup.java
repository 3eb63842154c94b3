package dk.greatercph.ope.query.replay;

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.health.actuate.endpoint.AdditionalHealthEndpointPath;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroup;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper;
import org.springframework.boot.health.actuate.endpoint.StatusAggregator;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The health group {@code /actuator/health/projection-status}, holding the {@code projections} component: its status
 * for anybody, its details for whoever may see the health endpoint's details (administrators), with the endpoint's
 * own status order and HTTP codes. Added here, by the query side, because only a process with projections has the
 * component: a group configured by properties in every process would stop a command-side process from starting.
 * Boot refuses a group named like one of its members, hence not {@code projections}. A group of this name configured
 * by properties takes precedence.
 */
@Component
class ProjectionHealthGroup implements HealthEndpointGroupsPostProcessor {

    static final String GROUP = "projection-status";
    static final String MEMBER = "projections";

    @Override
    public HealthEndpointGroups postProcessHealthEndpointGroups(HealthEndpointGroups groups) {
        if (groups.getNames().contains(GROUP)) {
            return groups;
        }
        Map<String, HealthEndpointGroup> all = new LinkedHashMap<>();
        groups.getNames().forEach(name -> all.put(name, groups.get(name)));
        all.put(GROUP, new ProjectionsOnly(groups.getPrimary()));
        return HealthEndpointGroups.of(groups.getPrimary(), all);
    }

    /** The primary group's rules, for the projections component alone. */
    private record ProjectionsOnly(HealthEndpointGroup primary) implements HealthEndpointGroup {

        @Override
        public boolean isMember(String name) {
            return MEMBER.equals(name);
        }

        @Override
        public boolean showComponents(SecurityContext securityContext) {
            return primary.showComponents(securityContext);
        }

        @Override
        public boolean showDetails(SecurityContext securityContext) {
            return primary.showDetails(securityContext);
        }

        @Override
        public StatusAggregator getStatusAggregator() {
            return primary.getStatusAggregator();
        }

        @Override
        public HttpCodeStatusMapper getHttpCodeStatusMapper() {
            return primary.getHttpCodeStatusMapper();
        }

        @Override
        public AdditionalHealthEndpointPath getAdditionalPath() {
            return null;
        }
    }
}
