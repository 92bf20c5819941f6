package dev.casekeeper.demo;

import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.CreateAgent;
import dev.casekeeper.agents.Role;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.agents.TeamId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The demo desk's teams and people, signed in so that stories can act as them. */
final class DemoStaff {

    /**
     * The one password of every demo agent. Demo only: the {@code demo} profile is for trying
     * Casekeeper out on a throw-away data directory, never for production.
     */
    static final String PASSWORD = "casekeeper-demo";

    static final String TECHNICAL_SUPPORT = "Technical support";
    static final String ORDERS = "Orders";
    static final String BILLING = "Billing";
    static final String RETURNS = "Returns";

    record Person(String key, String name, Role role, List<String> teams) {
        String email() {
            return key + "@demo.casekeeper.local";
        }
    }

    static final List<Person> PEOPLE = List.of(
            new Person("grace", "Grace Okafor", Role.SUPERVISOR, List.of(TECHNICAL_SUPPORT, ORDERS, BILLING, RETURNS)),
            new Person("priya", "Priya Raman", Role.AGENT, List.of(TECHNICAL_SUPPORT)),
            new Person("tom", "Tom Becker", Role.AGENT, List.of(TECHNICAL_SUPPORT)),
            new Person("ana", "Ana Souza", Role.AGENT, List.of(TECHNICAL_SUPPORT)),
            new Person("marcus", "Marcus Lee", Role.AGENT, List.of(ORDERS, BILLING)),
            new Person("dana", "Dana Whitfield", Role.AGENT, List.of(RETURNS)));

    /** Whose email tells that the demo workspace is already there. */
    static final Person SUPERVISOR = PEOPLE.getFirst();

    private final Map<String, TeamId> teams;
    private final Map<String, SignedInAgent> agents;

    private DemoStaff(Map<String, TeamId> teams, Map<String, SignedInAgent> agents) {
        this.teams = teams;
        this.agents = agents;
    }

    /** Creates the teams (reusing any an admin already made with the same name) and the agents. */
    static DemoStaff hire(AgentManagement management) {
        var teams = new LinkedHashMap<String, TeamId>();
        for (var name : List.of(TECHNICAL_SUPPORT, ORDERS, BILLING, RETURNS)) {
            var team = management.teams().stream()
                    .filter(t -> t.name().equalsIgnoreCase(name))
                    .findFirst()
                    .orElseGet(() -> management.createTeam(name));
            teams.put(name, team.id());
        }
        var agents = new LinkedHashMap<String, SignedInAgent>();
        for (var person : PEOPLE) {
            var agent = management.create(new CreateAgent(person.email(), person.name(), PASSWORD, person.role()));
            person.teams().forEach(team -> management.addMember(teams.get(team), agent.id()));
            // Signed in after joining the teams: the sign-in carries the agent's teams.
            agents.put(
                    person.key(),
                    management.authenticate(person.email(), PASSWORD).orElseThrow());
        }
        return new DemoStaff(Map.copyOf(teams), Map.copyOf(agents));
    }

    SignedInAgent agent(String key) {
        var agent = agents.get(key);
        if (agent == null) {
            throw new IllegalArgumentException("No demo agent " + key);
        }
        return agent;
    }

    TeamId team(String name) {
        var team = teams.get(name);
        if (team == null) {
            throw new IllegalArgumentException("No demo team " + name);
        }
        return team;
    }
}
