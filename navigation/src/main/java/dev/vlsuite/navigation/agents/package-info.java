/** Agents that follow an instruction through the environment: the shortest-path oracle, the random walker, learned agents. */
package dev.vlsuite.navigation.agents;
