/** The stacked-attention figure: the image, then one shaded tile per san hop (shared.picture). */
package dev.vlsuite.vqa.picture;
