import { z } from 'zod';
import { CommuneCodeSchema, DistrictCodeSchema } from './common.js';

const PlaceText = z.string().min(1).max(200);

/** A commune (xã, phường, thị trấn): its official code and name, and optionally its standing on the Program 135 lists. */
export const PlaceCommuneSchema = z.strictObject({
  code: CommuneCodeSchema,
  name: PlaceText,
  /** `Xã`, `Phường`, `Thị trấn`. */
  type: PlaceText.optional(),
  /** The commune's standing on the Program 135 lists, when the pack knows it (see `places.statusNote` for its source). */
  p135: z.strictObject({ listed: z.boolean(), struckOff: z.boolean() }).optional(),
});

/** A district (huyện, thành phố, thị xã) and its communes. */
export const PlaceDistrictSchema = z.strictObject({
  code: DistrictCodeSchema,
  name: PlaceText,
  type: PlaceText.optional(),
  communes: z.array(PlaceCommuneSchema).min(1).max(200),
});

/**
 * A pack's province: its districts and communes with their official codes and names, and where
 * they come from (`source`). Every code appears once (the pack check `placeCodesUnique`). A pack without `places` that extends
 * another inherits the base's places.
 */
export const PlacesSchema = z.strictObject({
  /** The province the places belong to; a pack whose province differs is warned (`placesOfPackProvince`). */
  province: z.strictObject({ code: z.string().regex(/^[0-9]{2}$/), name: z.string().min(1).max(100) }).optional(),
  source: z.string().min(1).max(500),
  /** Where the communes' Program 135 standing (`p135`) comes from, and how far to trust it. */
  statusNote: z.strictObject({ vi: z.string().min(1).max(2000), en: z.string().min(1).max(2000) }).optional(),
  districts: z.array(PlaceDistrictSchema).min(1).max(100),
});

export type PlaceCommune = z.infer<typeof PlaceCommuneSchema>;
export type PlaceDistrict = z.infer<typeof PlaceDistrictSchema>;
export type Places = z.infer<typeof PlacesSchema>;
