/** The sysd protocol: custom requests and notifications (types only). */
export * from './requests';
