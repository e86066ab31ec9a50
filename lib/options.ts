// Select and checkbox options built from the labels, in the order people expect to read them.
import { causeAreaLabels, mediumLabels, organisationTypeLabels, regionLabels, sizeBandLabels, skillLevelLabels } from '@/lib/labels';

const fromLabels = <K extends string>(labels: Record<K, string>) =>
  (Object.entries(labels) as Array<[K, string]>).map(([value, label]) => ({ value, label }));

export const organisationTypeOptions = fromLabels(organisationTypeLabels);
export const regionOptions = fromLabels(regionLabels);
export const sizeBandOptions = fromLabels(sizeBandLabels);
export const causeAreaOptions = fromLabels(causeAreaLabels);
export const mediumOptions = fromLabels(mediumLabels);
export const skillLevelOptions = fromLabels(skillLevelLabels);
