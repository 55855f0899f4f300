/**
 * Attention pictures for every task: {@link dev.vlsuite.shared.picture.HeatMap} turns a grid of attention weights
 * (image cells, video frames, navigation views) into a smooth map and shades a picture with it;
 * {@link dev.vlsuite.shared.picture.TileSheet} lays labelled tiles out in rows.
 */
package dev.vlsuite.shared.picture;
