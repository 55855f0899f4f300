/**
 * Synthetic houses for vision-language navigation (R2R): {@link dev.vlsuite.assets.house.HouseGenerator} lays out
 * rooms, doorways, furniture and viewpoints on a grid plan; {@link dev.vlsuite.assets.house.House} holds them with
 * their sight lines and navigable links; {@link dev.vlsuite.assets.house.ViewRenderer} ray-casts the 36 views of a
 * viewpoint; {@link dev.vlsuite.assets.house.NavigationGraph} is the official graph (included viewpoints only);
 * {@link dev.vlsuite.assets.house.EpisodeSampler} draws shortest-path episodes whose instructions
 * {@link dev.vlsuite.assets.house.RouteGrammar} writes from the facts of a {@link dev.vlsuite.assets.house.Route}.
 * The files (Matterport connectivity, R2R episodes, views, houses.json) are written by
 * {@link dev.vlsuite.assets.dataset.HouseWriter}; assets/README.md describes the layout.
 */
package dev.vlsuite.assets.house;
